import { services } from '@what-if/catalog';

/** One check of a deployment, as an operator reads it in the job log. */
export interface SmokeResult {
  check: string;
  ok: boolean;
  detail: string;
}

export interface SmokeOptions {
  /** How often the unified health is asked before it counts as failed (a deploy may still be settling). */
  healthAttempts: number;
  healthIntervalMs: number;
  requestTimeoutMs: number;
}

export const defaultSmokeOptions: SmokeOptions = {
  healthAttempts: 10,
  healthIntervalMs: 15_000,
  requestTimeoutMs: 10_000,
};

interface Answer {
  status: number;
  body: unknown;
}

async function getJson(url: string, timeoutMs: number): Promise<Answer> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/json' },
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: text.slice(0, 200) };
  }
}

async function attempt(check: string, run: () => Promise<SmokeResult>): Promise<SmokeResult> {
  try {
    return await run();
  } catch (error) {
    return { check, ok: false, detail: (error as Error).message };
  }
}

/** The gateway's /health must be 200 with every catalog service up. */
async function unifiedHealth(base: URL, options: SmokeOptions): Promise<SmokeResult> {
  const check = 'unified health (/health)';
  let result: SmokeResult = { check, ok: false, detail: 'not asked' };
  for (let round = 1; round <= options.healthAttempts; round += 1) {
    result = await attempt(check, async () => {
      const { status, body } = await getJson(new URL('/health', base).href, options.requestTimeoutMs);
      const health = body as { services?: Record<string, { status?: string; reason?: string }> };
      const down = services
        .map((entry) => [entry.name, health.services?.[entry.name]] as const)
        .filter(([, service]) => service?.status !== 'up')
        .map(([name, service]) => `${name} (${service ? (service.reason ?? service.status) : 'missing'})`);
      if (status === 200 && down.length === 0) {
        return { check, ok: true, detail: `all ${services.length} services ready` };
      }
      return {
        check,
        ok: false,
        detail: `answered ${status}; not ready: ${down.join(', ') || 'none named'}`,
      };
    });
    if (result.ok) return result;
    if (round < options.healthAttempts)
      await new Promise((resolve) => setTimeout(resolve, options.healthIntervalMs));
  }
  return { ...result, detail: `${result.detail} (after ${options.healthAttempts} attempts)` };
}

async function publicContract(base: URL, options: SmokeOptions): Promise<SmokeResult> {
  const check = 'public contract (/openapi.json)';
  return attempt(check, async () => {
    const { status, body } = await getJson(new URL('/openapi.json', base).href, options.requestTimeoutMs);
    const version = (body as { openapi?: unknown }).openapi;
    return status === 200 && typeof version === 'string'
      ? { check, ok: true, detail: `OpenAPI ${version}` }
      : { check, ok: false, detail: `answered ${status} without an OpenAPI document` };
  });
}

/** A read any visitor makes, through CloudFront, the gateway and the generation service. */
async function publicRead(base: URL, options: SmokeOptions): Promise<SmokeResult> {
  const check = 'public read (/api/v1/scenarios/suggestions)';
  return attempt(check, async () => {
    const { status } = await getJson(
      new URL('/api/v1/scenarios/suggestions', base).href,
      options.requestTimeoutMs,
    );
    return status === 200
      ? { check, ok: true, detail: 'answered 200' }
      : { check, ok: false, detail: `answered ${status}` };
  });
}

/** Checks a deployment from outside, as a user reaches it; read-only, so it is safe on production. */
export async function smokeCheck(
  baseUrl: string,
  options: SmokeOptions = defaultSmokeOptions,
): Promise<SmokeResult[]> {
  const base = new URL(baseUrl);
  return [
    await unifiedHealth(base, options),
    await publicContract(base, options),
    await publicRead(base, options),
  ];
}
