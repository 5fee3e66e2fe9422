import { type Answer, type Verdict, judge } from './verdict';

/**
 * An ECS deployment lifecycle hook at POST_TEST_TRAFFIC_SHIFT: the new gateway revision takes the
 * test listener's traffic, and this calls it there before production moves. FAILED rolls the
 * deployment back; SUCCEEDED lets ECS shift production traffic.
 */

/** What ECS sends a lifecycle hook (the fields read here). */
export interface LifecycleHookEvent {
  serviceArn?: string;
  targetServiceRevisionArn?: string;
}

export interface LifecycleHookResult {
  hookStatus: 'SUCCEEDED' | 'FAILED';
}

export interface GateSettings {
  /** The test listener, where only the new revision answers: https://<apiDomain>:8443. */
  testUrl: string;
  /** Where production traffic goes (through CloudFront): https://<siteDomain>. */
  productionUrl: string;
  /** Checks before giving up: targets may take a few seconds to settle after the shift. */
  attempts: number;
  pauseMs: number;
  requestTimeoutMs: number;
}

async function get(url: string, timeoutMs: number): Promise<Answer> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'x-request-id': `deployment-gate-${Date.now()}` },
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

async function checkOnce(settings: GateSettings): Promise<Verdict> {
  const [contract, candidateHealth, productionHealth] = await Promise.all([
    get(`${settings.testUrl}/openapi.json`, settings.requestTimeoutMs),
    get(`${settings.testUrl}/health`, settings.requestTimeoutMs),
    get(`${settings.productionUrl}/health`, settings.requestTimeoutMs),
  ]);
  return judge({ contract, candidateHealth, productionHealth });
}

/** Checks until the new revision passes or the attempts run out; the last verdict stands. */
export async function assess(settings: GateSettings): Promise<Verdict & { attempts: number }> {
  let verdict: Verdict = { healthy: false, problems: ['not checked'] };
  for (let attempt = 1; attempt <= settings.attempts; attempt += 1) {
    verdict = await checkOnce(settings);
    if (verdict.healthy || attempt === settings.attempts) return { ...verdict, attempts: attempt };
    await new Promise((resolve) => setTimeout(resolve, settings.pauseMs));
  }
  return { ...verdict, attempts: settings.attempts };
}

function logLine(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(fields)}\n`);
}

export function createHandler(
  settings: GateSettings,
  log: (fields: Record<string, unknown>) => void = logLine,
) {
  return async (event: LifecycleHookEvent): Promise<LifecycleHookResult> => {
    const verdict = await assess(settings);
    log({ revision: event.targetServiceRevisionArn, testUrl: settings.testUrl, ...verdict });
    return { hookStatus: verdict.healthy ? 'SUCCEEDED' : 'FAILED' };
  };
}

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The Lambda entry point; its settings come from the function's environment (cdk/src/services/deployment-gate.ts). */
export const handler = (event: LifecycleHookEvent): Promise<LifecycleHookResult> =>
  createHandler({
    testUrl: setting('TEST_URL'),
    productionUrl: setting('PRODUCTION_URL'),
    attempts: Number(setting('ATTEMPTS')),
    pauseMs: Number(setting('PAUSE_MS')),
    requestTimeoutMs: Number(setting('REQUEST_TIMEOUT_MS')),
  })(event);
