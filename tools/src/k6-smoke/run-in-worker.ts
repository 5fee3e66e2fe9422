/** Runs a k6 script in a worker thread (see runtime.ts) and answers what happened. */
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { serveRequests } from './http-bridge';
import type { RunResult } from './runtime';

export interface WorkerRun {
  result: RunResult;
  /** The script's console lines and handleSummary's stdout, in order. */
  output: string;
}

/** The compiled worker, also when the caller runs from source (the tests): tools/dist/k6-smoke/worker.js. */
const workerFile = path.resolve(__dirname, '..', '..', 'dist', 'k6-smoke', 'worker.js');

export function runInWorker(
  script: string,
  env: Record<string, string>,
  workingDirectory: string = process.cwd(),
): Promise<WorkerRun> {
  const { port1, port2 } = new MessageChannel();
  const flag = new SharedArrayBuffer(4);
  serveRequests(port1, new Int32Array(flag));
  const worker = new Worker(workerFile, {
    workerData: { script, env, port: port2, flag, workingDirectory },
    transferList: [port2],
  });
  return new Promise<WorkerRun>((resolve, reject) => {
    let answered = false;
    worker.once('message', (message: WorkerRun) => {
      answered = true;
      resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      port1.close();
      if (!answered) reject(new Error(`the script's worker exited (${code}) without a result`));
    });
  });
}
