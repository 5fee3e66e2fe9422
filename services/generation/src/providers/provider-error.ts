/** Why a provider attempt failed; the label of generation_provider_errors_total. */
export type ProviderFailureReason =
  'transport' | 'status' | 'rate_limited' | 'idle_timeout' | 'timeout' | 'invalid_output' | 'circuit_open';

/** A provider attempt that failed: the chain logs it, counts it and moves to the next provider. */
export class ProviderError extends Error {
  readonly provider: string;
  readonly reason: ProviderFailureReason;
  /** From a 429's Retry-After: the provider is skipped until then. */
  readonly retryAfterMs: number | undefined;
  /** What went wrong, without the provider's name: for a retry's prompt. */
  readonly detail: string;

  constructor(
    provider: string,
    reason: ProviderFailureReason,
    message: string,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(`${provider}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.provider = provider;
    this.reason = reason;
    this.retryAfterMs = options.retryAfterMs;
    this.detail = message;
  }
}
