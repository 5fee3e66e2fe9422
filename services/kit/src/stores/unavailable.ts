/**
 * A store that cannot be reached is a dependency fault, not a bug: each store factory marks the
 * errors that say "the store did not answer" with the store's name, and the problem handler
 * answers them 503 naming the store. The error itself is kept (marked, not wrapped), so code
 * that catches store errors and degrades sees exactly what it saw before.
 */
const unavailableDependency = Symbol.for('what-if.unavailable-dependency');

/** Socket-level failures: nobody listens, the peer went away, or the network cannot reach it. */
const connectionFailureCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Whether an error is a failure to reach a server or to hear from it in time (not its refusal of a request). */
export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && connectionFailureCodes.has(code)) return true;
  // Node's net module and the AWS SDK's handler both name their timeouts so.
  if (name === 'TimeoutError') return true;
  // The AWS SDK wraps a socket error it does not recognise as an Error (one from another realm)
  // in "AWS SDK error wrapper for Error: connect ECONNREFUSED …", keeping only its words.
  const named =
    typeof message === 'string' ? /^AWS SDK error wrapper for .*\b(E[A-Z_]+)\b/.exec(message) : null;
  return named?.[1] !== undefined && connectionFailureCodes.has(named[1]);
}

/** Marks an error as the named dependency not answering, and answers the same error. */
export function markUnavailable<T>(error: T, dependency: string): T {
  if (typeof error === 'object' && error !== null && !Object.isFrozen(error)) {
    Object.defineProperty(error, unavailableDependency, { value: dependency, configurable: true });
  }
  return error;
}

/** The dependency an error (or an error it was caused by) says did not answer, if any. */
export function dependencyUnavailable(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const dependency = (current as { [unavailableDependency]?: unknown })[unavailableDependency];
    if (typeof dependency === 'string') return dependency;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
