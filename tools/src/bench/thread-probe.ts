import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { PerformanceObserver, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { percentile } from './percentiles';

/** A distribution in milliseconds, as the benchmarks print it. */
export interface Spread {
  p50: number;
  p99: number;
  max: number;
}

export function spreadOf(samples: readonly number[]): Spread {
  return {
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    max:
      samples.length === 0
        ? Number.NaN
        : samples.reduce((largest, value) => Math.max(largest, value), Number.NEGATIVE_INFINITY),
  };
}

/** What one Node thread did besides the work it was given, since the last reading. */
export interface ThreadFigures {
  /** How late its event loop ran what was due: every request waits this long on top of its work. */
  loopDelayMs: Spread;
  /** Garbage collection pauses (every kind), which stop the thread. */
  gc: { pauses: number; totalMs: number; longestMs: number };
  /** CPU time the process used (user and system). */
  cpuMs: number;
  /** Resident memory when read. */
  rssMb: number;
}

/**
 * Watches the calling thread's event loop delay (perf_hooks.monitorEventLoopDelay, sampled every
 * 10 ms) and its garbage collection pauses; `take()` returns the figures since the last reading.
 */
export function watchThread(): { take(): ThreadFigures; stop(): void } {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let gc = { pauses: 0, totalMs: 0, longestMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.pauses += 1;
      gc.totalMs += entry.duration;
      gc.longestMs = Math.max(gc.longestMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  let cpu = process.cpuUsage();
  return {
    take() {
      const used = process.cpuUsage(cpu);
      const figures: ThreadFigures = {
        loopDelayMs: {
          p50: loop.percentile(50) / 1e6,
          p99: loop.percentile(99) / 1e6,
          max: loop.max / 1e6,
        },
        gc,
        cpuMs: (used.user + used.system) / 1000,
        rssMb: process.memoryUsage.rss() / 2 ** 20,
      };
      loop.reset();
      gc = { pauses: 0, totalMs: 0, longestMs: 0 };
      cpu = process.cpuUsage();
      return figures;
    },
    stop() {
      loop.disable();
      observer.disconnect();
    },
  };
}

/**
 * Where a server's requests spent their time, from Node's HTTP diagnostics channels: `totalMs`
 * from the parsed request to the answer's end (its last write handed to the socket), and for a
 * request the server forwarded (an outgoing request carrying its `x-request-id`), the parts:
 * `accessMs` until the outgoing request was made (the gateway's token, session and limits),
 * `upstreamMs` until the upstream answer's headers were parsed here (the upstream's time, the
 * connection, and every wait for this thread), `afterMs` until the answer ended.
 */
export interface RequestTimeline {
  requests: number;
  totalMs: Spread;
  forwarded: number;
  accessMs: Spread;
  upstreamMs: Spread;
  afterMs: Spread;
}

const requestIdHeader = 'x-request-id';

export function watchRequests(): { take(): RequestTimeline } {
  const arrived = new WeakMap<IncomingMessage, number>();
  const sent = new Map<string, number>();
  const answered = new Map<string, number>();
  let samples = {
    total: [] as number[],
    access: [] as number[],
    upstream: [] as number[],
    after: [] as number[],
  };
  const idOf = (request: ClientRequest): string | undefined => {
    const id = request.getHeader(requestIdHeader);
    return typeof id === 'string' ? id : undefined;
  };
  subscribe('http.server.request.start', (message) => {
    arrived.set((message as { request: IncomingMessage }).request, performance.now());
  });
  subscribe('http.client.request.start', (message) => {
    const id = idOf((message as { request: ClientRequest }).request);
    if (id) sent.set(id, performance.now());
  });
  subscribe('http.client.response.finish', (message) => {
    const id = idOf((message as { request: ClientRequest }).request);
    if (id) answered.set(id, performance.now());
  });
  subscribe('http.server.response.finish', (message) => {
    const { request } = message as { request: IncomingMessage };
    const ended = performance.now();
    const start = arrived.get(request);
    if (start === undefined) return;
    samples.total.push(ended - start);
    const id = request.headers[requestIdHeader];
    if (typeof id !== 'string') return;
    const out = sent.get(id);
    const back = answered.get(id);
    // Not (yet) a forwarded request of this process's: an upstream answering in the same process ends first.
    if (out === undefined || back === undefined) return;
    sent.delete(id);
    answered.delete(id);
    samples.access.push(out - start);
    samples.upstream.push(back - out);
    samples.after.push(ended - back);
  });
  return {
    take() {
      const timeline: RequestTimeline = {
        requests: samples.total.length,
        totalMs: spreadOf(samples.total),
        forwarded: samples.access.length,
        accessMs: spreadOf(samples.access),
        upstreamMs: spreadOf(samples.upstream),
        afterMs: spreadOf(samples.after),
      };
      samples = { total: [], access: [], upstream: [], after: [] };
      return timeline;
    },
  };
}
