import { createHash, randomUUID } from 'node:crypto';
import {
  type Scenario,
  type ScenarioCategory,
  type ScenarioLanguage,
  type ScenarioLength,
  type ScenarioTone,
  scenarioSchema,
} from '@what-if/contracts';
import { type ScenarioCache, cacheKey } from './cache';
import type { GenerationMetrics } from './metrics';
import type { ChainEvent, ProviderChain } from './providers/chain';
import { PROMPT_VERSION } from './providers/prompt';
import type { ScenarioProvider } from './providers/provider';
import { normalizeQuestion } from './question';

/** A request with every option decided: what the writer turns into a scenario. */
export interface ScenarioOrder {
  question: string;
  category: ScenarioCategory;
  tone: ScenarioTone;
  length: ScenarioLength;
  language: ScenarioLanguage;
  /** A provider the client asked for; otherwise the configured order. */
  provider?: string;
  /** Skip the cache and write anew (with a fresh seed, so the local provider varies too). */
  regenerate: boolean;
  parent?: { scenario: Scenario; timelineIndex: number };
}

/** What the writer reports as it goes: the plan first, then the chain's events. */
export type WriterEvent =
  | {
      type: 'meta';
      id: string;
      question: string;
      category: ScenarioCategory;
      tone: ScenarioTone;
      length: ScenarioLength;
      language: ScenarioLanguage;
      provider: string;
      cached: boolean;
      parent?: { id: string; timelineIndex: number };
    }
  | ChainEvent;

export interface ScenarioWriter {
  write(order: ScenarioOrder, signal: AbortSignal, onEvent: (event: WriterEvent) => void): Promise<Scenario>;
}

export function promptVersionOf(provider: ScenarioProvider): string {
  return provider.promptVersion ?? PROMPT_VERSION;
}

/**
 * Cache, then the provider chain: an identical earlier request is answered from the cache
 * (with a fresh id and time) unless `regenerate`; otherwise the chain writes it and, when
 * the first-choice provider answered a plain request, the cache keeps it. An answer from a
 * fallback is not cached, so a recovered provider is used again at once; nor is a
 * regenerated one, which neither reads nor replaces the plain request's entry.
 */
export function createScenarioWriter(options: {
  chain: ProviderChain;
  cache: ScenarioCache;
  metrics: GenerationMetrics;
}): ScenarioWriter {
  const { chain, cache, metrics } = options;
  return {
    async write(order, signal, onEvent) {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      const providers = chain.order(order.provider);
      const first = providers[0];
      if (!first) throw new Error('the provider chain is empty');
      const parent = order.parent
        ? { id: order.parent.scenario.id, timelineIndex: order.parent.timelineIndex }
        : undefined;
      const key = cacheKey({
        normalizedQuestion: normalizeQuestion(order.question),
        category: order.category,
        tone: order.tone,
        length: order.length,
        language: order.language,
        provider: first.name,
        promptVersion: promptVersionOf(first),
        ...(parent ? { parent } : {}),
      });
      const id = randomUUID();
      const assemble = (scenario: Omit<Scenario, 'id'>): Scenario =>
        scenarioSchema.parse({ ...scenario, id });
      const base = {
        question: order.question,
        category: order.category,
        tone: order.tone,
        length: order.length,
        language: order.language,
        ...(parent ? { parent } : {}),
      };
      const meta = (provider: string, cached: boolean): WriterEvent => ({
        type: 'meta',
        id,
        ...base,
        provider,
        cached,
      });

      const cached = order.regenerate ? undefined : await cache.get(key);
      if (cached) {
        onEvent(meta(cached.provider, true));
        metrics.duration.observe({ provider: cached.provider, outcome: 'cached' }, seconds());
        return assemble({
          ...cached.content,
          ...base,
          provenance: {
            provider: cached.provider,
            model: cached.model,
            promptVersion: cached.promptVersion,
            cached: true,
          },
          createdAt: new Date().toISOString(),
        });
      }

      onEvent(meta(first.name, false));
      const seed = order.regenerate
        ? randomUUID()
        : createHash('sha256').update(key).digest('hex').slice(0, 16);
      let firstEventSeen = false;
      let current = first.name;
      try {
        const result = await chain.generate(
          {
            question: order.question,
            category: order.category,
            tone: order.tone,
            length: order.length,
            language: order.language,
            seed,
            ...(order.parent ? { parent: order.parent } : {}),
          },
          providers,
          signal,
          (event) => {
            if (event.type === 'restart') current = event.provider;
            else if (!firstEventSeen) {
              firstEventSeen = true;
              metrics.firstEvent.observe({ provider: current }, seconds());
            }
            onEvent(event);
          },
        );
        const provenance = {
          provider: result.provider.name,
          model: result.provider.model,
          promptVersion: promptVersionOf(result.provider),
        };
        const scenario = assemble({
          ...result.content,
          ...base,
          provenance: { ...provenance, cached: false },
          createdAt: new Date().toISOString(),
        });
        metrics.duration.observe({ provider: result.provider.name, outcome: 'success' }, seconds());
        // The plain request's entry is the plain request's answer: a regenerated one never replaces it.
        if (result.provider === first && !order.regenerate)
          await cache.set(key, { content: result.content, ...provenance });
        return scenario;
      } catch (error) {
        metrics.duration.observe(
          { provider: current, outcome: signal.aborted ? 'aborted' : 'failed' },
          seconds(),
        );
        throw error;
      }
    },
  };
}
