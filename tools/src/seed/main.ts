import path from 'node:path';
import { frontend, services } from '@what-if/catalog';
import { DevConfigError, devConfigFromEnv } from '../dev/config';
import { childEnvironment } from '../dev/service-processes';
import { seedDemoData } from './seed';
import { seedSummary } from './seed-summary';

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** `make seed`: the demo data set, through the API of the stack make dev runs. */
async function main(): Promise<void> {
  let config;
  try {
    config = devConfigFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof DevConfigError)) throw error;
    process.stderr.write(`${error.message.replace('make dev', 'make seed')}\n`);
    process.exit(78);
  }
  const gateway = services.find((entry) => entry.name === 'gateway')!;
  const user = services.find((entry) => entry.name === 'user')!;
  const gatewayUrl = `http://127.0.0.1:${gateway.port}`;
  const ready = await fetch(`${gatewayUrl}/health`, { signal: AbortSignal.timeout(5_000) }).then(
    (response) => response.ok,
    () => false,
  );
  if (!ready) {
    process.stderr.write(
      `make seed fills a running stack, and ${gatewayUrl}/health does not answer 200: start make dev (in another terminal), wait for "ready", then run make seed again.\n`,
    );
    process.exit(1);
  }
  const report = await seedDemoData({
    gatewayUrl,
    repoRoot: config.repoRoot,
    userEnvironment: childEnvironment(config, user, process.env),
    passwordFile: path.join(config.repoRoot, '.dev', 'seed-passwords.json'),
    progress: write,
  });
  write(seedSummary(report, `http://localhost:${frontend.port}`));
}

main().catch((error: unknown) => {
  process.stderr.write(`make seed failed: ${(error as Error).message}\n`);
  process.exit(1);
});
