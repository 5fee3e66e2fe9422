import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '../../../../test/support/eventually';

const serviceFolder = path.resolve(__dirname, '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  /** Every log line so far, parsed. */
  logs: Array<Record<string, unknown>>;
  /** SIGKILL: the process is gone mid-job, as a crashed node or an OOM kill leaves it. */
  kill(): Promise<void>;
  /** SIGTERM, then the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

/**
 * The worker as production runs it: `node dist/worker.js` from the service's folder, in a
 * process of its own (so a test can kill it, or give it a PATH of its own). Resolves once ready.
 */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const entry = path.join(serviceFolder, 'dist', 'worker.js');
  if (!existsSync(entry))
    throw new Error('services/video/dist/worker.js is missing: run npm run build first');
  const child = spawn(process.execPath, [entry], {
    cwd: serviceFolder,
    env: { ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await eventually(async () => {
    const listening = logs.find((line) => typeof line['port'] === 'number');
    if (!listening)
      throw new Error(`the worker has not started listening: ${JSON.stringify(logs.slice(-5))}`);
    return listening['port'] as number;
  }, 20_000);
  await eventually(async () =>
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200),
  );
  return {
    child,
    logs,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
