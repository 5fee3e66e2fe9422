import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type PrometheusConfigOptions, renderPrometheusConfig } from './prometheus-config';

export interface PrometheusRun {
  /** Where its configuration and its time series live. */
  workDirectory: string;
  /** host:port it serves its UI and API on. */
  listen: string;
  config: PrometheusConfigOptions;
  /** Where its own log lines go: inherited by make observe, ignored by tests. */
  output: 'inherit' | 'ignore';
  /** How long it keeps samples. */
  retention: string;
}

/** Writes the configuration and starts Debian's prometheus on it. */
export function startPrometheus(run: PrometheusRun): ChildProcess {
  mkdirSync(path.join(run.workDirectory, 'data'), { recursive: true });
  const configFile = path.join(run.workDirectory, 'prometheus.yml');
  writeFileSync(configFile, renderPrometheusConfig(run.config));
  return spawn(
    'prometheus',
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(run.workDirectory, 'data')}`,
      `--storage.tsdb.retention.time=${run.retention}`,
      `--web.listen-address=${run.listen}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', run.output, run.output] },
  );
}
