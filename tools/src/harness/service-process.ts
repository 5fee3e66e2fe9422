import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { type ServiceName, nodeEnv } from '@what-if/catalog';
import { harnessIdentityEnv } from './service-keys';

/** One line of a service's JSON log. */
export type LogLine = Record<string, unknown>;

export interface ServiceProcess {
  name: ServiceName;
  /** http://127.0.0.1:<port>, on the port the service was given by the system. */
  url: string;
  /** Its process id (a benchmark signals its probe). */
  pid: number;
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
   * still logs as in production, but into a file of its own (deleted when it stops) rather than
   * a pipe to this process, so the load generator running here never spends its thread on
   * another process's logs (a container runtime reads them in a process of its own too).
   */
  keepLogs?: boolean;
  /** Options for node itself, before the entry point (a benchmark's --cpu-prof). */
  nodeArguments?: readonly string[];
  /** The checkout whose compiled service to run: this one by default, another (built) one for a benchmark's baseline. */
  repositoryRoot?: string;
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
  const root = options.repositoryRoot ?? repositoryRoot;
  const folder = path.join(root, 'services', name);
  const entry = path.join(folder, 'dist', 'main.js');
  if (!existsSync(entry)) {
    throw new Error(`${path.relative(root, entry)} is missing in ${root}: run npm run build there first`);
  }
  // Without keepLogs, standard output and error go to a file this process only reads until the service listens.
  const logFolder =
    options.keepLogs === false ? mkdtempSync(path.join(tmpdir(), `what-if-${name}-log-`)) : undefined;
  const logFile = logFolder ? path.join(logFolder, 'output.log') : undefined;
  const logFd = logFile ? openSync(logFile, 'a+') : undefined;
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
      // Node's own options from the catalog, as a container gets them: read before the service's config applies defaults.
      ...nodeEnv(name),
      ...options.env,
    },
    stdio: ['ignore', logFd ?? 'pipe', logFd ?? 'pipe'],
  });
  const logs: LogLine[] = [];
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stopped = exited.then((code) => {
    if (logFd !== undefined) closeSync(logFd);
    if (logFolder) rmSync(logFolder, { recursive: true, force: true });
    return code;
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => text.split('\n').forEach(remember));
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;

  const port = await new Promise<number>((resolve, reject) => {
    let poll: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      clearInterval(poll);
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
          clearInterval(poll);
          resolve(parsed['port']);
        }
      }
    };
    if (logFd === undefined) {
      child.stdout?.setEncoding('utf8').on('data', readLines);
    } else {
      let offset = 0;
      const chunk = Buffer.alloc(65_536);
      const decoder = new StringDecoder('utf8');
      poll = setInterval(() => {
        for (let read = readSync(logFd, chunk, 0, chunk.length, offset); read > 0;) {
          offset += read;
          readLines(decoder.write(chunk.subarray(0, read)));
          read = readSync(logFd, chunk, 0, chunk.length, offset);
        }
      }, 20);
    }
    void exited.then((code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`${name} exited (${code}) before it listened:\n${recent.join('\n')}`));
    });
  });

  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    logs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return stopped;
    },
  };
}
