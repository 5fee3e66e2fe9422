import path from 'node:path';
import { checkPort, checkPrometheus } from '../dev/preflight';
import { prometheusRulesPath } from '../generate/prometheus-rules';
import { devStackTargets } from './prometheus-config';
import { startPrometheus } from './prometheus-process';

/** tools/dist/observe/main.js sits three levels below the repository root. */
const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

/** `make observe`: Prometheus on this machine, scraping `make dev`'s stack with the production rules. */
async function main(): Promise<number> {
  const port = Number(process.env['PROMETHEUS_PORT'] ?? 9090);
  const problems = [
    checkPrometheus(['prometheus'], process.env['PATH'], 'make observe runs it'),
    await checkPort({
      port,
      owner: 'Prometheus',
      alternative:
        "Debian's own prometheus service may hold it (sudo systemctl disable --now prometheus), or pick another port: PROMETHEUS_PORT=9091 make observe",
    }),
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) {
    process.stderr.write(`make observe cannot start:\n${problems.join('\n')}\n`);
    return 1;
  }
  const targets = devStackTargets();
  const prometheus = startPrometheus({
    workDirectory: path.join(repositoryRoot, '.dev', 'prometheus'),
    listen: `127.0.0.1:${port}`,
    config: {
      targets,
      rulesFile: path.join(repositoryRoot, prometheusRulesPath),
      interval: '15s',
    },
    output: 'inherit',
    retention: '2d',
  });
  process.stdout.write(
    [
      `Prometheus: http://localhost:${port}  (alerts: /alerts, targets: /targets, rules: /rules)`,
      `  scraping ${targets.map((target) => `${target.job} ${target.address}`).join(', ')} every 15 s`,
      `  with the rules of ${prometheusRulesPath}; data in .dev/prometheus (kept two days).`,
      '  Run `make dev` beside it to give it something to scrape. Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => prometheus.kill('SIGTERM'));
  }
  return new Promise((resolve) => {
    prometheus.on('error', (error) => {
      process.stderr.write(`prometheus could not start: ${error.message}\n`);
      resolve(1);
    });
    prometheus.on('exit', (code, signal) => resolve(signal === 'SIGTERM' ? 0 : (code ?? 1)));
  });
}

void main().then((code) => process.exit(code));
