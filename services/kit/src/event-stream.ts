import type { Response } from 'express';

/** One server-sent event stream: named events with JSON data, until it ends. */
export interface EventStream {
  /** Writes `event: <name>` with the data as one JSON line; nothing once the stream has ended. */
  send(event: string, data: unknown): void;
  /** Ends the stream; the heartbeat stops. */
  end(): void;
}

/**
 * Opens a `text/event-stream` answer: headers flushed at once, no proxy buffering, and a
 * comment line every `heartbeatMs` so idle timeouts on the way (the gateway's, a load
 * balancer's) never cut a stream that has nothing to say for a while. The heartbeat stops when
 * the stream ends or the client goes.
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
      // JSON.stringify never emits a raw newline, so one data line carries the event.
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      stop();
      if (!res.writableEnded) res.end();
    },
  };
}
