/** The worker thread a script runs in: blocking on HTTP and sleep is fine here, as in a k6 VU. */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { requestSynchronously } from './http-bridge';
import { runScript } from './runtime';

const { script, env, port, flag, workingDirectory } = workerData as {
  script: string;
  env: Record<string, string>;
  port: MessagePort;
  flag: SharedArrayBuffer;
  workingDirectory: string;
};
const requestFlag = new Int32Array(flag);
const sleepFlag = new Int32Array(new SharedArrayBuffer(4));
const output: string[] = [];

const result = runScript({
  script,
  env,
  workingDirectory,
  send: (request) => requestSynchronously(port, requestFlag, request),
  sleep: (milliseconds) => void Atomics.wait(sleepFlag, 0, 0, milliseconds),
  write: (text) => output.push(text),
});
parentPort!.postMessage({ result, output: output.join('') });
