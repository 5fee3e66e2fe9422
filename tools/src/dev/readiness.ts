import { setTimeout as sleep } from 'node:timers/promises';
import type { DevConfig } from './config';
import { type StackProcess, stackProcesses } from './stack-processes';

export interface ReadinessTarget {
  name: string;
  url: string;
}

export interface ProbeAnswer {
  ready: boolean;
  /** Why not, in a few words: "answered 503: {...}", "ECONNREFUSED". */
  detail: string;
}

/**
 * What the launcher waits for, in order: first each service's and worker's own readiness, then the
 * gateway's unified /health, which answers 200 only when every service behind it is
 * ready (asking it sooner would only fill its log with 503s).
 */
export function readinessPhases(config: DevConfig): ReadinessTarget[][] {
  const target = (member: StackProcess, path: string) => ({
    name: member.name,
    url: `http://127.0.0.1:${member.port}${path}`,
  });
  const members = stackProcesses(config);
  const gateway = members.filter((member) => member.name === 'gateway');
  const others = members.filter((member) => member.name !== 'gateway');
  return [
    others.map((member) => target(member, member.health.ready)),
    gateway.map((member) => target(member, '/health')),
  ].filter((phase) => phase.length > 0);
}

function shorten(body: string, limit = 300): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

export async function probe(url: string, timeoutMs: number): Promise<ProbeAnswer> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    if (response.ok) return { ready: true, detail: `answered ${response.status}` };
    return { ready: false, detail: `answered ${response.status}${body ? `: ${shorten(body)}` : ''}` };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError')
      return { ready: false, detail: `no answer within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ready: false, detail: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/** The stack did not become ready in time; names each target still waited for, and why. */
export class ReadinessTimeout extends Error {
  constructor(readonly pending: ReadonlyArray<{ name: string; url: string; detail: string }>) {
    super(
      `still not ready:\n${pending.map((target) => `  - ${target.name}: ${target.url} ${target.detail}`).join('\n')}`,
    );
    this.name = 'ReadinessTimeout';
  }
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  probeTimeoutMs?: number;
  /** Aborted when waiting is pointless: a process died, or the developer pressed Ctrl-C. */
  signal?: AbortSignal;
  onReady?: (target: ReadinessTarget, elapsedMs: number) => void;
}

/** Polls every target until each answers 2xx; rejects with ReadinessTimeout, or the abort reason. */
export async function waitUntilReady(
  targets: readonly ReadinessTarget[],
  options: WaitOptions,
): Promise<void> {
  const started = performance.now();
  const deadline = started + options.timeoutMs;
  const interval = options.intervalMs ?? 250;
  const probeTimeout = options.probeTimeoutMs ?? 2_000;
  const lastDetail = new Map<string, string>(targets.map((target) => [target.name, 'not asked yet']));

  const pollOne = async (target: ReadinessTarget): Promise<void> => {
    while (performance.now() < deadline) {
      options.signal?.throwIfAborted();
      const answer = await probe(target.url, probeTimeout);
      if (answer.ready) {
        lastDetail.delete(target.name);
        options.onReady?.(target, performance.now() - started);
        return;
      }
      lastDetail.set(target.name, answer.detail);
      await sleep(interval, undefined, options.signal ? { signal: options.signal } : {});
    }
  };

  try {
    await Promise.all(targets.map((target) => pollOne(target)));
  } catch (error) {
    // An abort makes every loop throw; report the reason once.
    if (options.signal?.aborted) throw options.signal.reason;
    throw error;
  }
  options.signal?.throwIfAborted();
  const pending = targets
    .filter((target) => lastDetail.has(target.name))
    .map((target) => ({ ...target, detail: lastDetail.get(target.name) ?? '' }));
  if (pending.length > 0) throw new ReadinessTimeout(pending);
}
