/**
 * Turns the services' pino JSON lines into one readable line each, behind a coloured
 * fixed-width `[name]` prefix, the way `docker compose up` shows interleaved logs.
 */

export type LogFormat = 'pretty' | 'json';

export interface LinePrefix {
  name: string;
  /** The prefix is padded to this many characters so the columns after it line up. */
  width: number;
  /** Picks the name's colour from the palette, so each service keeps one colour; the launcher's is launcherColorIndex. */
  colorIndex: number;
  color: boolean;
}

const reset = '\x1b[0m';
const ansi = {
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  magenta: '\x1b[35m',
  cyan: '\x1b[36m',
  gray: '\x1b[90m',
  brightBlue: '\x1b[94m',
  brightMagenta: '\x1b[95m',
} as const;

const namePalette = [
  ansi.cyan,
  ansi.magenta,
  ansi.blue,
  ansi.green,
  ansi.yellow,
  ansi.brightMagenta,
  ansi.brightBlue,
];

/** pino writes numeric levels unless a formatter names them; accept both. */
const levelNames: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

const levelColors: Record<string, string> = {
  trace: ansi.gray,
  debug: ansi.gray,
  info: ansi.green,
  warn: ansi.yellow,
  error: ansi.red,
  fatal: ansi.red,
};

/** Fields shown in their own place (or not at all), so they are not repeated as key=value. */
const placedFields = new Set([
  'time',
  'level',
  'msg',
  'service',
  'pid',
  'hostname',
  'method',
  'path',
  'status',
  'durationMs',
  'requestId',
  'err',
]);

function paint(text: string, code: string, enabled: boolean): string {
  return enabled ? `${code}${text}${reset}` : text;
}

/** The launcher's own lines stand apart from the services' in bold. */
export const launcherColorIndex = -1;

export function formatPrefix(prefix: LinePrefix): string {
  const color =
    prefix.colorIndex === launcherColorIndex
      ? ansi.bold
      : (namePalette[prefix.colorIndex % namePalette.length] ?? ansi.cyan);
  return paint(`[${prefix.name.padEnd(prefix.width)}]`, color, prefix.color);
}

/** Wall-clock time of day; the date adds nothing while watching a local stack. */
function timeOfDay(value: unknown): string {
  const date = typeof value === 'number' || typeof value === 'string' ? new Date(value) : new Date();
  if (Number.isNaN(date.getTime())) return String(value);
  const pad = (number: number, width = 2) => String(number).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function levelLabel(value: unknown): string {
  if (typeof value === 'number') return levelNames[value] ?? String(value);
  return typeof value === 'string' ? value : 'info';
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

function statusColor(status: number): string {
  if (status >= 500) return ansi.red;
  if (status >= 400) return ansi.yellow;
  return ansi.green;
}

/** The kit's request line reads like an access log: `GET /path 200 3.1ms`. */
function requestPart(entry: Record<string, unknown>, color: boolean): string {
  const parts: string[] = [];
  if (typeof entry['method'] === 'string' && typeof entry['path'] === 'string') {
    parts.push(`${entry['method']} ${entry['path']}`);
  }
  if (typeof entry['status'] === 'number')
    parts.push(paint(String(entry['status']), statusColor(entry['status']), color));
  if (typeof entry['durationMs'] === 'number') parts.push(`${entry['durationMs']}ms`);
  return parts.join(' ');
}

function otherFields(entry: Record<string, unknown>): string[] {
  return Object.entries(entry)
    .filter(([key, value]) => {
      if (placedFields.has(key)) return false;
      // Noise on every request line unless it says something.
      if (key === 'route') return value !== entry['path'];
      if (key === 'aborted') return value !== false;
      return true;
    })
    .map(([key, value]) => `${key}=${showValue(value)}`);
}

interface SerializedError {
  type?: string;
  message?: string;
  stack?: string;
}

function errorParts(entry: Record<string, unknown>): { inline: string; stack: string[] } {
  const err = entry['err'];
  if (err === undefined) return { inline: '', stack: [] };
  if (typeof err !== 'object' || err === null) return { inline: `err=${showValue(err)}`, stack: [] };
  const { message, stack } = err as SerializedError;
  // The stack's first line repeats "Type: message", which the inline part already says.
  const frames = typeof stack === 'string' ? stack.split('\n').slice(1) : [];
  return { inline: `err=${showValue(message ?? err)}`, stack: frames };
}

function parseEntry(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const entry = parsed as Record<string, unknown>;
    return 'msg' in entry || 'level' in entry ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One line of a process's output, readable: time, level, message, the request summary,
 * the remaining fields as key=value, the correlation id last (so it is easy to copy), and
 * an error's stack on the lines below. Anything that is not a pino line passes through as is.
 */
export function formatLogLine(line: string, prefix: LinePrefix): string {
  const head = formatPrefix(prefix);
  const entry = parseEntry(line);
  if (!entry) return line === '' ? head : `${head} ${line}`;
  const { color } = prefix;
  const level = levelLabel(entry['level']);
  const error = errorParts(entry);
  const pieces = [
    paint(timeOfDay(entry['time']), ansi.dim, color),
    paint(level.toUpperCase().padEnd(5), levelColors[level] ?? '', color && level in levelColors),
    typeof entry['msg'] === 'string' ? entry['msg'] : '',
    requestPart(entry, color),
    ...otherFields(entry),
    error.inline,
    typeof entry['requestId'] === 'string' ? paint(`requestId=${entry['requestId']}`, ansi.dim, color) : '',
  ].filter((piece) => piece !== '');
  const indent = ' '.repeat(prefix.width + 3);
  return [`${head} ${pieces.join(' ')}`, ...error.stack.map((frame) => `${indent}${frame.trim()}`)].join(
    '\n',
  );
}

/** Prints one process's lines: formatted for people, or the raw JSON for jq and log tools. */
export function linePrinter(
  format: LogFormat,
  prefix: LinePrefix,
  write: (text: string) => void,
): (line: string) => void {
  if (format === 'json') return (line) => write(`${line}\n`);
  return (line) => write(`${formatLogLine(line, prefix)}\n`);
}

/** Colour when a person watches a terminal; NO_COLOR and FORCE_COLOR decide otherwise. */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false';
  return isTTY;
}
