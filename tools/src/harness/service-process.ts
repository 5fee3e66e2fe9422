import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServiceName } from '@what-if/catalog';
import { harnessIdentityEnv } from './service-keys';

/** One line of a service's JSON log. */
export type LogLine = Record<string, unknown>;

export interface ServiceProcess {
  name: ServiceName;
  /** http://127.0.0.1:<port>, on the port the service was given by the system. */
  url: string;
  /** Every line the service has logged so far, parsed. */
  logs: readonly LogLine[];
  /** SIGTERM, then the exit code once the process is gone (a clean drain exits 0). */
  stop(): Promise<number | null>;
}

export interface ServiceProcessOptions {
  /** Set over the parent's environment; the stores, upstream URLs and anything the run decides. */
  env?: Record<string, string>;
  /** Longest wait for the service to listen. */
  startTimeoutMs?: number;
  /**
   * Keep every log line for the caller (tests read them). Benchmarks turn it off: the service
   * still logs as in production, but its output is drained unread once it listens.
   */
  keepLogs?: boolean;
  /** Options for node itself, before the entry point (a benchmark's --cpu-prof). */
  nodeArguments?: readonly string[];
}

const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Starts a service the way production does, from its compiled `dist/main.js` in a process of
 * its own, on a free port on loopback with info-level JSON logs and its service keys from this
 * process's key ring; resolves once it listens.
 * Benchmarks and the system tests in test/ start services this way, so nothing outside a
 * service imports its code.
 */
export async function startServiceProcess(
  name: ServiceName,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> {
  const folder = path.join(repositoryRoot, 'services', name);
  const entry = path.join(folder, 'dist', 'main.js');
  if (!existsSync(entry)) {
    throw new Error(`${path.relative(repositoryRoot, entry)} is missing: run npm run build first`);
  }
  const child = spawn(process.execPath, [...(options.nodeArguments ?? []), entry], {
    cwd: folder,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      SHUTDOWN_DELAY_MS: '0',
      // Every service this process starts shares one key ring, so they trust each other.
      ...harnessIdentityEnv(name),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr.setEncoding('utf8').on('data', (text: string) => text.split('\n').forEach(remember));
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not listen within ${startTimeoutMs} ms:\n${recent.join('\n')}`));
    }, startTimeoutMs);
    let partial = '';
    const readLines = (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        remember(line);
        let parsed: LogLine;
        try {
          parsed = JSON.parse(line) as LogLine;
        } catch {
          continue;
        }
        logs.push(parsed);
        if (parsed['msg'] === `${name} listening` && typeof parsed['port'] === 'number') {
          clearTimeout(timer);
          if (options.keepLogs === false) child.stdout.off('data', readLines).resume();
          resolve(parsed['port']);
        }
      }
    };
    child.stdout.setEncoding('utf8').on('data', readLines);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it listened:\n${recent.join('\n')}`));
    });
  });

  return {
    name,
    url: `http://127.0.0.1:${port}`,
    logs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
