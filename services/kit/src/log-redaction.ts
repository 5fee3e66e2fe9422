/** What a secret is replaced with in a log line. */
export const redactedText = '[redacted]';

/** Keys whose value is a secret. */
const secretKeys = ['password', 'token', 'accessToken', 'refreshToken'] as const;
const secretKeySet: ReadonlySet<string> = new Set(secretKeys);

/**
 * Paths pino's own `redact` replaces: the secret keys at the top of a line (or of a child
 * logger's bindings) and the credential headers. pino does this work only for a line that has
 * one of these keys.
 */
export const redactedPaths: readonly string[] = [...secretKeys, 'headers.authorization', 'headers.cookie'];

/**
 * A copy of `value` with its secret keys' values replaced, or `value` itself when it holds none
 * (no allocation for the ordinary line). An error keeps its prototype, message, stack and cause,
 * so the logger's error serializer writes it as before.
 */
function censored(value: object): object {
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    if (!secretKeySet.has(key) || !Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (!copy) {
      const fresh = Object.assign(
        Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>,
        value,
      );
      if (value instanceof Error) {
        fresh['message'] = value.message;
        fresh['stack'] = value.stack;
        if (value.cause !== undefined) fresh['cause'] = value.cause;
      }
      copy = fresh;
    }
    copy[key] = redactedText;
  }
  return copy ?? value;
}

/**
 * The secret keys one level down in a line's fields (`body.token`, `err.password`, what pino's
 * wildcard paths `*.token` did) replaced; the caller's objects are never changed, and a line with
 * none is returned as it is. The wildcard paths made pino copy every line to look: about 10 µs of
 * CPU and 20 KB of garbage per request at the gateway (services/gateway/README.md).
 */
export function redactNestedSecrets(fields: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in fields) {
    const value = fields[key];
    if (value === null || typeof value !== 'object') continue;
    const inner = censored(value);
    if (inner === value) continue;
    copy ??= { ...fields };
    copy[key] = inner;
  }
  return copy ?? fields;
}
