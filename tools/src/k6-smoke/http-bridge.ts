/**
 * k6's HTTP calls are synchronous; Node's are not. The script runs in a worker thread that
 * posts each request to the main thread and blocks on a shared flag until the answer is
 * posted back, so a script reads `http.get(…)` as it does under k6.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';

export interface BridgeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
  /** Follow at most this many redirects; 0 answers the redirect itself. */
  redirects: number;
}

export interface BridgeResponse {
  /** 0 when no answer came (refused, reset, timed out), as in k6. */
  status: number;
  statusText: string;
  /** In the order received; k6 joins repeated headers with ", ". */
  headers: [string, string][];
  body: string;
  url: string;
  /** Milliseconds: to the response headers (k6's `waiting`), then reading the body (`receiving`). */
  waiting: number;
  receiving: number;
  error: string;
  /** k6's error codes for what this harness can tell apart: 1000 generic, 1050 timeout, 1212 refused. */
  errorCode: number;
  bytesSent: number;
  bytesReceived: number;
}

/** Worker side: send one request and wait for its answer. */
export function requestSynchronously(
  port: MessagePort,
  flag: Int32Array,
  request: BridgeRequest,
): BridgeResponse {
  Atomics.store(flag, 0, 0);
  port.postMessage(request);
  Atomics.wait(flag, 0, 0);
  const message = receiveMessageOnPort(port);
  if (!message) throw new Error('the HTTP bridge answered nothing');
  return message.message as BridgeResponse;
}

function errorCodeOf(error: unknown): { error: string; errorCode: number } {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return { error: 'request timeout', errorCode: 1050 };
  if (cause?.code === 'ECONNREFUSED')
    return { error: `dial: ${cause.message ?? 'connection refused'}`, errorCode: 1212 };
  return { error: cause?.message ?? (error as Error).message, errorCode: 1000 };
}

async function perform(request: BridgeRequest): Promise<BridgeResponse> {
  const started = performance.now();
  let url = request.url;
  try {
    let response: Response | undefined;
    for (let hop = 0; ; hop += 1) {
      response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(request.timeoutMs),
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location || hop >= request.redirects) break;
      await response.arrayBuffer();
      url = new URL(location, url).toString();
    }
    const headersAt = performance.now();
    const body = await response.text();
    const ended = performance.now();
    const headers = [...response.headers.entries()];
    return {
      status: response.status,
      statusText: `${response.status} ${response.statusText}`,
      headers,
      body,
      url,
      waiting: headersAt - started,
      receiving: ended - headersAt,
      error: '',
      errorCode: 0,
      bytesSent: Buffer.byteLength(request.body ?? '') + request.url.length,
      bytesReceived:
        Buffer.byteLength(body) +
        headers.reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0),
    };
  } catch (error) {
    return {
      status: 0,
      statusText: '',
      headers: [],
      body: '',
      url,
      waiting: performance.now() - started,
      receiving: 0,
      ...errorCodeOf(error),
      bytesSent: 0,
      bytesReceived: 0,
    };
  }
}

/** Main side: answer every request the worker posts, then raise its flag. */
export function serveRequests(port: MessagePort, flag: Int32Array): void {
  port.on('message', (request: BridgeRequest) => {
    void perform(request).then((response) => {
      port.postMessage(response);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
  });
}
