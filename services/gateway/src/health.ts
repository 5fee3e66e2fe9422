import { type ServiceName, service } from '@what-if/catalog';
import { type Store, checkStores } from '@what-if/kit';
import type { Upstreams } from './upstreams';

export interface ServiceHealth {
  status: 'up' | 'down';
  latencyMs: number;
  /** Why a service counts as down: its status code, a timeout, or a connection error. */
  reason?: string;
}

export interface UnifiedHealth {
  status: 'ok' | 'unavailable';
  /** The services that are not ready, named so an operator sees them at a glance. */
  unavailable: ServiceName[];
  services: Partial<Record<ServiceName, ServiceHealth>>;
}

async function probe(url: string, timeoutMs: number): Promise<ServiceHealth> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.ok
      ? { status: 'up', latencyMs: elapsed() }
      : { status: 'down', latencyMs: elapsed(), reason: `readiness answered ${response.status}` };
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    return { status: 'down', latencyMs: elapsed(), reason };
  }
}

/**
 * One view of the whole system: the gateway's own stores and every service's readiness,
 * asked in parallel. Concurrent callers share one round of probes, so a burst of health
 * checks never multiplies into a burst against every service.
 */
export function createUnifiedHealth(options: {
  upstreams: Upstreams;
  ownStores: readonly Store[];
  timeoutMs: number;
}): () => Promise<UnifiedHealth> {
  let inFlight: Promise<UnifiedHealth> | undefined;

  async function check(): Promise<UnifiedHealth> {
    const ownStarted = performance.now();
    const [own, ...others] = await Promise.all([
      checkStores(options.ownStores),
      ...[...options.upstreams].map(async ([name, base]) => {
        const health = await probe(`${base}${service(name).health.ready}`, options.timeoutMs);
        return [name, health] as const;
      }),
    ]);
    const ownDown = Object.entries(own).filter(([, check]) => check.status === 'down');
    const gateway: ServiceHealth = {
      status: ownDown.length === 0 ? 'up' : 'down',
      latencyMs: Math.round(performance.now() - ownStarted),
      ...(ownDown.length > 0
        ? { reason: ownDown.map(([name, check]) => `${name}: ${check.error}`).join('; ') }
        : {}),
    };
    const services: Partial<Record<ServiceName, ServiceHealth>> = { gateway, ...Object.fromEntries(others) };
    const unavailable = (Object.entries(services) as Array<[ServiceName, ServiceHealth]>)
      .filter(([, health]) => health.status === 'down')
      .map(([name]) => name);
    return { status: unavailable.length === 0 ? 'ok' : 'unavailable', unavailable, services };
  }

  return () => {
    inFlight ??= check().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
