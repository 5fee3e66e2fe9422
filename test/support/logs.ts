import { Writable } from 'node:stream';
import { type Logger, createLogger } from '@what-if/kit';

export interface CapturedLogs {
  logger: Logger;
  lines: Array<Record<string, unknown>>;
}

/** A real pino logger whose JSON lines land in memory, so tests can read what was logged. */
export function captureLogs(service = 'test'): CapturedLogs {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  return { logger: createLogger({ service, level: 'debug', destination }), lines };
}
