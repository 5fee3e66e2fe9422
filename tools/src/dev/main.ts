import { type DevConfig, DevConfigError, devConfigFromEnv } from './config';
import { createOutput } from './output';
import { DevStack, exitCodes } from './stack';

const duplicateSignalWindowMs = 500;

function configOrExit(): DevConfig {
  try {
    return devConfigFromEnv(process.env, { isTTY: process.stdout.isTTY === true });
  } catch (error) {
    if (!(error instanceof DevConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG, as the services use
  }
}

/** `make dev`: the whole stack on this machine until Ctrl-C. */
function main(): void {
  const config = configOrExit();
  const output = createOutput(config, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  const stack = new DevStack(config, output, process.env);

  let firstSignalAt: number | undefined;
  let forcing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt === undefined) {
      firstSignalAt = Date.now();
      stack.requestStop(signal);
      return;
    }
    // One Ctrl-C can arrive twice (from the terminal, and forwarded by npm run): only a
    // second press, a moment later, means "kill now".
    if (forcing || Date.now() - firstSignalAt < duplicateSignalWindowMs) return;
    forcing = true;
    void stack.forceStop().finally(() => process.exit(exitCodes.forced));
  };
  // SIGHUP too: the services run in their own sessions, so a closed terminal reaches only the launcher.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  // Whatever ends the launcher, even a bug in it, the services end with it.
  process.on('exit', () => stack.killNow());

  stack.run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      output.logger.fatal({ err: error }, 'make dev failed');
      stack.killNow();
      process.exit(exitCodes.failed);
    },
  );
}

main();
