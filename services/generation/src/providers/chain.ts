import CircuitBreaker from 'opossum';
import { type ScenarioContent, scenarioContentSchema } from '@what-if/contracts';
import { type Logger } from '@what-if/kit';
import { type GenerationMetrics, circuitStates } from '../metrics';
import type { GenerationRequest, ProviderEvent, ScenarioProvider } from './provider';
import { ProviderError } from './provider-error';
import { repairScenarioContent } from './scenario-repair';

export interface BreakerSettings {
  errorThresholdPercentage: number;
  volumeThreshold: number;
  resetTimeoutMs: number;
}

/**
 * What the chain reports besides provider output: an attempt failed and `provider` starts
 * over (the next provider, or the same one once after invalid output), so text streamed so
 * far is void.
 */
export type ChainEvent =
  ProviderEvent | { type: 'restart'; provider: string; previous: string; reason: string };

type GenerateArguments = Parameters<ScenarioProvider['generate']>;

export interface ChainResult {
  content: ScenarioContent;
  provider: ScenarioProvider;
}

export interface ProviderChain {
  /** The names a request may ask for, in the configured order (local last). */
  readonly names: readonly string[];
  /** The providers a request tries: the one it asked for first, then the configured order. */
  order(requested?: string): ScenarioProvider[];
  generate(
    request: GenerationRequest,
    providers: readonly ScenarioProvider[],
    signal: AbortSignal,
    onEvent: (event: ChainEvent) => void,
  ): Promise<ChainResult>;
  breakerOf(name: string): CircuitBreaker<GenerateArguments, ScenarioContent> | undefined;
  close(): void;
}

export interface ProviderChainOptions {
  /** Remote providers in the configured order. */
  remote: readonly ScenarioProvider[];
  /** The embedded provider: always the last resort, so it sits behind no breaker. */
  local: ScenarioProvider;
  breaker: BreakerSettings;
  metrics: GenerationMetrics;
  logger: Logger;
}

/** Output that failed the schema: worth one more try with the same provider. */
function invalidOutput(provider: string, issues: string): ProviderError {
  return new ProviderError(provider, 'invalid_output', `the scenario does not fit the schema: ${issues}`);
}

/**
 * Tries providers in order. Each remote provider runs behind its own circuit breaker
 * (an open circuit skips it at once) and is skipped while a 429's Retry-After lasts;
 * output is validated against the kit's schema, invalid output is retried once, and any
 * other failure moves to the next provider. A client abort stops the chain and counts
 * against no provider.
 */
export function createProviderChain(options: ProviderChainOptions): ProviderChain {
  const { metrics, logger, local } = options;
  const rateLimitedUntil = new Map<string, number>();

  /** One run of a provider with its output held to the schema: invalid output is a failure like any other. */
  async function generateValid(
    provider: ScenarioProvider,
    request: GenerationRequest,
    signal: AbortSignal,
    onEvent: (event: ProviderEvent) => void,
  ): Promise<ScenarioContent> {
    const output = await provider.generate(request, signal, onEvent);
    const parsed = scenarioContentSchema.safeParse(output);
    if (parsed.success) return parsed.data;
    // Small, safe deviations (a score as text, a field a few words too long) are fixed, not retried.
    const repaired = scenarioContentSchema.safeParse(repairScenarioContent(output));
    if (repaired.success) {
      metrics.repairs.inc({ provider: provider.name });
      return repaired.data;
    }
    const issues = repaired.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`)
      .join('; ');
    throw invalidOutput(provider.name, issues);
  }

  const breakers = new Map<string, CircuitBreaker<GenerateArguments, ScenarioContent>>();
  for (const provider of options.remote) {
    const breaker = new CircuitBreaker<GenerateArguments, ScenarioContent>(
      (request, signal, onEvent) => generateValid(provider, request, signal, onEvent),
      {
        name: provider.name,
        timeout: false,
        errorThresholdPercentage: options.breaker.errorThresholdPercentage,
        volumeThreshold: options.breaker.volumeThreshold,
        resetTimeout: options.breaker.resetTimeoutMs,
        rollingCountTimeout: 60_000,
        // A client that left says nothing about the provider's health.
        errorFilter: (_error: unknown, ...call: unknown[]) => (call[1] as AbortSignal).aborted,
      },
    );
    metrics.circuitState.set({ provider: provider.name }, circuitStates.closed);
    breaker.on('open', () => {
      metrics.circuitState.set({ provider: provider.name }, circuitStates.open);
      logger.warn(
        { provider: provider.name },
        'provider circuit opened: skipped until a trial request succeeds',
      );
    });
    breaker.on('halfOpen', () =>
      metrics.circuitState.set({ provider: provider.name }, circuitStates.halfOpen),
    );
    breaker.on('close', () => {
      metrics.circuitState.set({ provider: provider.name }, circuitStates.closed);
      logger.info({ provider: provider.name }, 'provider circuit closed');
    });
    breakers.set(provider.name, breaker);
  }

  const all = [...options.remote, local];
  const byName = new Map(all.map((provider) => [provider.name, provider]));

  async function attempt(
    provider: ScenarioProvider,
    request: GenerationRequest,
    signal: AbortSignal,
    onEvent: (event: ProviderEvent) => void,
  ): Promise<ScenarioContent> {
    const breaker = breakers.get(provider.name);
    if (!breaker) return generateValid(provider, request, signal, onEvent);
    try {
      return await breaker.fire(request, signal, onEvent);
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') {
        throw new ProviderError(provider.name, 'circuit_open', 'the circuit is open after repeated failures');
      }
      throw error;
    }
  }

  return {
    names: all.map((provider) => provider.name),
    order(requested) {
      const first = requested ? byName.get(requested) : undefined;
      return first ? [first, ...all.filter((provider) => provider !== first)] : all;
    },
    breakerOf: (name) => breakers.get(name),
    async generate(request, providers, signal, onEvent) {
      let previous: { name: string; reason: string } | undefined;
      for (const provider of providers) {
        const isLast = provider === providers[providers.length - 1];
        if (!isLast && (rateLimitedUntil.get(provider.name) ?? 0) > Date.now()) {
          // Still inside a 429's Retry-After: asking again now would only earn another 429.
          previous = { name: provider.name, reason: 'rate_limited' };
          continue;
        }
        if (previous) {
          metrics.fallbacks.inc({ from: previous.name, to: provider.name });
          onEvent({
            type: 'restart',
            provider: provider.name,
            previous: previous.name,
            reason: previous.reason,
          });
        }
        let repair: string | undefined;
        for (let tries = 1; ; tries += 1) {
          try {
            const asked = repair ? { ...request, repair } : request;
            return { content: await attempt(provider, asked, signal, onEvent), provider };
          } catch (error) {
            if (signal.aborted) throw error;
            const failure =
              error instanceof ProviderError
                ? error
                : new ProviderError(provider.name, 'transport', (error as Error).message, { cause: error });
            metrics.providerErrors.inc({ provider: provider.name, reason: failure.reason });
            logger.warn(
              { provider: provider.name, reason: failure.reason, err: failure },
              'provider attempt failed',
            );
            if (failure.retryAfterMs !== undefined) {
              rateLimitedUntil.set(provider.name, Date.now() + failure.retryAfterMs);
            }
            if (failure.reason === 'invalid_output' && tries < 2) {
              // The one retry tells the model what was wrong with its answer.
              repair = failure.detail;
              onEvent({
                type: 'restart',
                provider: provider.name,
                previous: provider.name,
                reason: failure.reason,
              });
              continue;
            }
            previous = { name: provider.name, reason: failure.reason };
            if (isLast) throw failure;
            break;
          }
        }
      }
      throw new ProviderError('chain', 'transport', 'no provider is configured');
    },
    close() {
      for (const breaker of breakers.values()) breaker.shutdown();
    },
  };
}
