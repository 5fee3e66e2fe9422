import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Generation takes seconds, not milliseconds: buckets from a cache hit to a slow long scenario. */
const generationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120];

export interface GenerationMetrics {
  duration: Histogram<'provider' | 'outcome'>;
  firstEvent: Histogram<'provider'>;
  providerErrors: Counter<'provider' | 'reason'>;
  fallbacks: Counter<'from' | 'to'>;
  repairs: Counter<'provider'>;
  circuitState: Gauge<'provider'>;
  cacheRequests: Counter<'result'>;
  quotaRejections: Counter<'subject'>;
  quotaDegraded: Counter;
}

export const circuitStates = { closed: 0, open: 1, halfOpen: 2 } as const;

export function createGenerationMetrics(registry: Registry): GenerationMetrics {
  const registers = [registry];
  return {
    duration: new Histogram({
      name: 'generation_duration_seconds',
      help: 'Time to write one scenario, by the provider that wrote it (or tried last) and outcome',
      labelNames: ['provider', 'outcome'] as const,
      buckets: generationBuckets,
      registers,
    }),
    firstEvent: new Histogram({
      name: 'generation_first_event_seconds',
      help: 'Time from the request to the first text or section a provider produced',
      labelNames: ['provider'] as const,
      buckets: generationBuckets,
      registers,
    }),
    providerErrors: new Counter({
      name: 'generation_provider_errors_total',
      help: 'Failed provider attempts, by reason (transport, status, rate_limited, idle_timeout, invalid_output, circuit_open)',
      labelNames: ['provider', 'reason'] as const,
      registers,
    }),
    fallbacks: new Counter({
      name: 'generation_fallbacks_total',
      help: 'Requests handed from a failing provider to the next one',
      labelNames: ['from', 'to'] as const,
      registers,
    }),
    repairs: new Counter({
      name: 'generation_output_repairs_total',
      help: 'Provider outputs that fitted the schema only after a small repair (a score as text, a field too long, tags in capitals)',
      labelNames: ['provider'] as const,
      registers,
    }),
    circuitState: new Gauge({
      name: 'generation_provider_circuit_state',
      help: 'Circuit breaker state per provider: 0 closed, 1 open, 2 half-open',
      labelNames: ['provider'] as const,
      registers,
    }),
    cacheRequests: new Counter({
      name: 'generation_cache_requests_total',
      help: 'Cache lookups by result (hit, miss, error); the hit ratio is hit / (hit + miss)',
      labelNames: ['result'] as const,
      registers,
    }),
    quotaRejections: new Counter({
      name: 'generation_quota_rejections_total',
      help: 'Requests refused for an exhausted daily quota, by subject (anonymous, user)',
      labelNames: ['subject'] as const,
      registers,
    }),
    quotaDegraded: new Counter({
      name: 'generation_quota_fallback_total',
      help: 'Quota checks answered from the memory of this replica because Redis did not answer',
      registers,
    }),
  };
}
