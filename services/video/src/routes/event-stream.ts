import type { Response } from 'express';

export interface EventStream {
  send(event: string, data: unknown): void;
  end(): void;
}

/**
 * A text/event-stream answer: headers flushed at once, no proxy buffering, and a comment line
 * every `heartbeatMs` so idle timeouts on the way (the gateway's, a load balancer's) keep it open.
 */
export function openEventStream(res: Response, heartbeatMs: number): EventStream {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(': heartbeat\n\n');
  }, heartbeatMs);
  const stop = () => clearInterval(heartbeat);
  res.once('close', stop);
  return {
    send(event, data) {
      if (res.writableEnded || res.destroyed) return;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      stop();
      if (!res.writableEnded) res.end();
    },
  };
}
