import type { ScenarioContent } from '@what-if/contracts';
import type { SectionEvent, WriterRequest } from './request';
import { planScenario } from './telling/plan';
import { createRandom } from './telling/random';
import {
  Told,
  composeConsequences,
  composeDivergence,
  composeKeyFigures,
  composeNarration,
  composePlausibility,
  composePremise,
  composeTags,
  composeTimeline,
  composeTitle,
} from './telling/sections';

/** The model name provenance records for the offline writer. */
export const offlineWriterModel = 'what-if-local-2';

/**
 * Bumped whenever the writer's output changes for the same request, so cached scenarios from
 * an older writer are not served as new (it is part of the cache key and of provenance).
 */
export const offlineWriterVersion = 'offline-writer-5';

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
 * The offline writer: reads the question (subject, change, polarity, date, duration, domain),
 * plans a story with the logic of its domain on a clock that fits the event, and writes each
 * section from phrase banks, deterministically from the seed, with no network and no model.
 * It is the default and the fallback of last resort, so it never depends on anything that can be down.
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
      const told = new Told(plan.branch?.toldBefore);
      const content: Partial<ScenarioContent> = {};
      const emit = async <Name extends keyof ScenarioContent>(name: Name, value: ScenarioContent[Name]) => {
        signal.throwIfAborted();
        content[name] = value;
        onSection({ type: 'section', name, value });
        await nextTurn();
      };
      await emit('title', composeTitle(plan, random, told));
      await emit('premise', composePremise(plan, random, told));
      await emit('divergence', composeDivergence(plan, random, told));
      await emit('timeline', composeTimeline(plan, random, told));
      await emit('consequences', composeConsequences(plan, random, told));
      await emit('keyFigures', composeKeyFigures(plan, random, told));
      await emit('plausibility', composePlausibility(plan, random, told));
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
