import type { ScenarioContent } from '@what-if/contracts';
import { createRandom } from './random';
import type { SectionEvent, WriterRequest } from './request';
import { planScenario } from './scenario-plan';
import {
  composeConsequences,
  composeDivergence,
  composeKeyFigures,
  composeNarration,
  composePlausibility,
  composePremise,
  composeTags,
  composeTimeline,
  composeTitle,
} from './sections';

/** The model name provenance records for the offline writer. */
export const offlineWriterModel = 'what-if-local-1';

/**
 * Bumped whenever the writer's output changes for the same request, so cached scenarios from
 * an older writer are not served as new (it is part of the cache key and of provenance).
 */
export const offlineWriterVersion = 'local-phrases-2';

export interface OfflineWriter {
  readonly model: string;
  readonly version: string;
  /** Writes the scenario section by section, reporting each; stops between sections when `signal` aborts. */
  write(
    request: WriterRequest,
    signal: AbortSignal,
    onSection: (event: SectionEvent) => void,
  ): Promise<ScenarioContent>;
}

/** Lets an abort (a client that hung up) land between sections rather than after the whole scenario. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The offline writer: composes a scenario from the question's own subject, change, era and
 * domain, deterministically from the seed, with no network and no model. It is the default and
 * the fallback of last resort, so it never depends on anything that can be down.
 */
export function createOfflineWriter(): OfflineWriter {
  return {
    model: offlineWriterModel,
    version: offlineWriterVersion,
    async write(request, signal, onSection) {
      signal.throwIfAborted();
      const random = createRandom(
        offlineWriterModel,
        request.seed,
        request.question,
        request.tone,
        request.length,
        request.language,
        request.category,
        request.parent ? `${request.parent.scenario.id}#${request.parent.timelineIndex}` : '',
      );
      const plan = planScenario(request, random);
      const content: Partial<ScenarioContent> = {};
      const emit = async <Name extends keyof ScenarioContent>(name: Name, value: ScenarioContent[Name]) => {
        signal.throwIfAborted();
        content[name] = value;
        onSection({ type: 'section', name, value });
        await nextTurn();
      };
      await emit('title', composeTitle(plan, random));
      await emit('premise', composePremise(plan, random));
      await emit('divergence', composeDivergence(plan, random));
      await emit('timeline', composeTimeline(plan, random));
      await emit('consequences', composeConsequences(plan, random));
      await emit('keyFigures', composeKeyFigures(plan));
      await emit('plausibility', composePlausibility(plan, random));
      await emit(
        'narration',
        composeNarration(plan, { premise: content.premise!, timeline: content.timeline! }, random),
      );
      await emit('tags', composeTags(plan));
      signal.throwIfAborted();
      return content as ScenarioContent;
    },
  };
}
