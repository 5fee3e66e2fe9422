import { type IncomingHttpHeaders, createServer } from 'node:http';
import { createServer as createHttp2Server } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What an answer writes to: the part HTTP/1.1 and HTTP/2 responses share. */
export interface Reply {
  writeHead(status: number, headers?: Record<string, string>): unknown;
  write(chunk: string | Uint8Array): unknown;
  end(chunk?: string | Uint8Array): unknown;
}

export type Answer = (res: Reply, request: RecordedRequest) => void;

interface IncomingRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}

interface OutgoingResponse extends Reply {
  readonly writableEnded: boolean;
  on(event: 'close', listener: () => void): unknown;
}

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; the last one repeats once the queue runs dry. */
  answer(...answers: Answer[]): void;
  /** Resolves once a request's connection closed before its answer finished (the client gave up). */
  clientLeft(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP server whose answers a test scripts, to stand in for a provider's API;
 * `http2` serves cleartext HTTP/2 (the AWS SDK speaks it to Bedrock's streaming APIs).
 */
export async function startScriptedServer(options: { http2?: boolean } = {}): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  let queue: Answer[] = [];
  let last: Answer | undefined;
  let onClientLeft: (() => void) | undefined;
  let leftCount = 0;
  const handle = (req: IncomingRequest, res: OutgoingResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      res.on('close', () => {
        if (!res.writableEnded) {
          leftCount += 1;
          onClientLeft?.();
        }
      });
      const answer = queue.shift() ?? last;
      if (!answer) {
        res.writeHead(500);
        res.end('no answer scripted');
        return;
      }
      last = answer;
      answer(res, request);
    });
  };
  const server = options.http2 ? createHttp2Server(handle) : createServer(handle);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer(...answers) {
      queue = answers;
      last = undefined;
    },
    clientLeft: () =>
      new Promise<void>((resolve) => {
        if (leftCount > 0) resolve();
        else onClientLeft = resolve;
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Splits text into pieces of about `size` characters, as a model streams it. */
export function pieces(text: string, size = 40): string[] {
  const out: string[] = [];
  for (let index = 0; index < text.length; index += size) out.push(text.slice(index, index + size));
  return out;
}

/** A JSON error answer with optional headers (retry-after and the like). */
export function jsonError(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}
