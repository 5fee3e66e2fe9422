import { Writable } from 'node:stream';
import { createLogger } from '@what-if/kit';
import { type LinePrefix, formatLogLine, linePrinter, wantsColor } from '../src/dev/log-format';

const plain: LinePrefix = { name: 'user', width: 10, colorIndex: 1, color: false };

/** Real lines from the kit's logger, so the formatter is tested against what services write. */
function kitLines(write: (logger: ReturnType<typeof createLogger>) => void): string[] {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  write(createLogger({ service: 'user', level: 'debug', destination }));
  return lines;
}

describe('the log formatter', () => {
  it('shows a request line as time, level, method, path, status, duration and correlation id behind a fixed-width prefix', () => {
    const [line] = kitLines((logger) =>
      logger.info(
        {
          method: 'GET',
          path: '/api/v1/users/me',
          route: '/api/v1/users/me',
          status: 200,
          durationMs: 3.4,
          aborted: false,
          requestId: 'req-1',
        },
        'request',
      ),
    );
    const shown = formatLogLine(line ?? '', plain);
    expect(shown).toMatch(
      /^\[user {6}\] \d{2}:\d{2}:\d{2}\.\d{3} INFO {2}request GET \/api\/v1\/users\/me 200 3\.4ms requestId=req-1$/,
    );
  });

  it('keeps the route template when it differs from the path, and the other fields as key=value', () => {
    const [line] = kitLines((logger) =>
      logger.warn(
        {
          method: 'DELETE',
          path: '/api/v1/scenarios/42',
          route: '/api/v1/scenarios/:id',
          status: 404,
          durationMs: 1,
          tags: ['a b'],
        },
        'request',
      ),
    );
    const shown = formatLogLine(line ?? '', plain);
    expect(shown).toContain(
      'WARN  request DELETE /api/v1/scenarios/42 404 1ms route=/api/v1/scenarios/:id tags=["a b"]',
    );
    expect(shown).not.toContain('aborted');
    expect(shown).not.toContain('"service"');
  });

  it('puts an error message inline and its stack on the lines below, aligned under the prefix', () => {
    const [line] = kitLines((logger) =>
      logger.error({ err: new Error('connect ECONNREFUSED') }, 'start-up failed'),
    );
    const [first, ...stack] = formatLogLine(line ?? '', plain).split('\n');
    expect(first).toContain('ERROR start-up failed err="connect ECONNREFUSED"');
    expect(stack.length).toBeGreaterThan(0);
    expect(stack[0]).toMatch(/^ {13}at /);
  });

  it('passes lines that are not pino JSON through unchanged after the prefix', () => {
    expect(formatLogLine('user: invalid configuration; fix these environment variables:', plain)).toBe(
      '[user      ] user: invalid configuration; fix these environment variables:',
    );
    expect(formatLogLine('{not json', plain)).toBe('[user      ] {not json');
    expect(formatLogLine('{"a":1}', plain)).toBe('[user      ] {"a":1}');
  });

  it('colours the prefix and level only when asked', () => {
    const [line] = kitLines((logger) => logger.error('boom'));
    expect(formatLogLine(line ?? '', plain)).not.toContain('\x1b[');
    const coloured = formatLogLine(line ?? '', { ...plain, color: true });
    expect(coloured).toContain('\x1b[35m[user      ]\x1b[0m');
    expect(coloured).toContain('\x1b[31mERROR\x1b[0m');
  });

  it('passes raw JSON lines in json format, for jq and log tools', () => {
    const written: string[] = [];
    const [line] = kitLines((logger) => logger.info({ status: 200 }, 'request'));
    linePrinter('json', plain, (text) => written.push(text))(line ?? '');
    expect(written).toEqual([`${line}\n`]);
  });

  it('follows NO_COLOR and FORCE_COLOR over the terminal check', () => {
    expect(wantsColor({}, true)).toBe(true);
    expect(wantsColor({}, false)).toBe(false);
    expect(wantsColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '0' }, true)).toBe(false);
  });
});
