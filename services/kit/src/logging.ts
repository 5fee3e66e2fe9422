import pino, { type Logger } from 'pino';
import { currentRequestId } from './context';
import { redactNestedSecrets, redactedPaths, redactedText } from './log-redaction';
import { traceFields } from './tracing';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level: string;
  /** Where lines go; standard output unless a test captures them. */
  destination?: pino.DestinationStream;
}

/**
 * Standard output, written off the request path: a synchronous write per line blocks the event
 * loop on every request, and longer whenever the reader of the pipe (the container runtime, the
 * launcher) falls behind. Lines written while a write is under way go out together with the next
 * one; whatever is left is flushed when the process exits (a crash included; a SIGKILL is not).
 */
function standardOutput(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}

/** JSON logs with the service name and, inside a request, its correlation id (and trace, when traced) on every line. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const requestId = currentRequestId();
        // With tracing on, the line names its trace and span too.
        return { ...(requestId ? { requestId } : {}), ...traceFields() };
      },
      formatters: {
        level: (label) => ({ level: label }),
        // Passwords, tokens and credential headers never reach a line: one level down here, the
        // rest by pino's redact below (log-redaction.ts).
        log: redactNestedSecrets,
      },
      redact: { paths: [...redactedPaths], censor: redactedText },
    },
    options.destination ?? standardOutput(),
  );
}

export type SecurityOutcome = 'allowed' | 'denied' | 'failed' | 'succeeded';

/**
 * An authentication or authorization decision, logged so that a SIEM can select it
 * (`securityEvent: true`). Never pass secrets in `details`.
 */
export function logSecurityEvent(
  logger: Logger,
  event: string,
  outcome: SecurityOutcome,
  details: Record<string, unknown> = {},
): void {
  const level = outcome === 'denied' || outcome === 'failed' ? 'warn' : 'info';
  logger[level]({ securityEvent: true, event, outcome, ...details }, `security: ${event} ${outcome}`);
}
