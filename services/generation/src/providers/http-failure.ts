import { ProviderError } from './provider-error';

/** Retry-After in seconds or as an HTTP date; OpenAI also sends retry-after-ms. */
export function retryAfterMs(headers: Headers): number | undefined {
  const milliseconds = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(milliseconds)) return Math.max(0, milliseconds);
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The message inside the error bodies OpenAI, Anthropic and their look-alikes send. */
function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON: a proxy's HTML page or plain text; its start says enough.
  }
  return body.slice(0, 200) || 'no body';
}

/** A non-2xx answer as a ProviderError naming the status and the provider's own message. */
export async function failureFromResponse(provider: string, response: Response): Promise<ProviderError> {
  const message = errorMessage(await response.text().catch(() => ''));
  if (response.status === 429) {
    const wait = retryAfterMs(response.headers);
    return new ProviderError(provider, 'rate_limited', `rate limited (429): ${message}`, {
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    });
  }
  return new ProviderError(provider, 'status', `answered ${response.status}: ${message}`);
}
