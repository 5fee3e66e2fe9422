import { type OwnedScenario, ownedScenarioPath, ownedScenarioSchema } from '@what-if/contracts';
import { type Logger, type ServiceClient, UpstreamError } from '@what-if/kit';

/** Where a share's content comes from: history, as the scenario stands now (see the README). */
export interface ScenarioSource {
  /** The scenario and its owner, or undefined when history has no such scenario (deleted). */
  read(scenarioId: string): Promise<OwnedScenario | undefined>;
  /** The same straight from history, for decisions that must not rest on a cached answer (creating a share). */
  readFresh(scenarioId: string): Promise<OwnedScenario | undefined>;
  /** Forgets a scenario at once (its shares were purged). */
  forget(scenarioId: string): void;
}

export interface ScenarioSourceOptions {
  history: ServiceClient;
  logger: Logger;
  /** How long an answer from history is reused; it bounds how late a deletion shows (30 s at most). */
  cacheSeconds: number;
  /** Most scenarios kept at once; the oldest entry goes first. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  value: OwnedScenario | undefined;
  until: number;
}

/**
 * History's internal read behind a small cache: a popular link costs one history call per
 * scenario per `cacheSeconds` per replica, and concurrent misses share one call.
 */
export function createScenarioSource(options: ScenarioSourceOptions): ScenarioSource {
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<OwnedScenario | undefined>>();
  const maxEntries = options.maxEntries ?? 2_000;
  const now = options.now ?? Date.now;

  async function fetchFromHistory(scenarioId: string): Promise<OwnedScenario | undefined> {
    const response = await options.history.request({ method: 'GET', path: ownedScenarioPath(scenarioId) });
    if (response.status === 404) return undefined;
    if (response.status !== 200) {
      throw new UpstreamError(
        'history',
        502,
        `The history service answered ${response.status} for a scenario read.`,
      );
    }
    const parsed = ownedScenarioSchema.safeParse(response.body);
    if (!parsed.success) {
      options.logger.error(
        { scenarioId, issues: parsed.error.issues.slice(0, 3) },
        'history answered a scenario outside the contract',
      );
      throw new UpstreamError(
        'history',
        502,
        'The history service answered a scenario this service cannot read.',
      );
    }
    return parsed.data;
  }

  return {
    async read(scenarioId) {
      const cached = entries.get(scenarioId);
      if (cached && cached.until > now()) return cached.value;
      const pending = inFlight.get(scenarioId);
      if (pending) return pending;
      const call = fetchFromHistory(scenarioId)
        .then((value) => {
          entries.delete(scenarioId);
          entries.set(scenarioId, { value, until: now() + options.cacheSeconds * 1000 });
          while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
          return value;
        })
        .finally(() => inFlight.delete(scenarioId));
      inFlight.set(scenarioId, call);
      return call;
    },
    readFresh: (scenarioId) => fetchFromHistory(scenarioId),
    forget(scenarioId) {
      entries.delete(scenarioId);
    },
  };
}
