import type { ScenarioContent } from '@what-if/kit';
import type { GenerationRequest, ProviderEvent, ScenarioProvider } from '../provider';
import { createRandom } from './random';
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

export const localModel = 'what-if-local-1';

/** Lets an abort (a client that hung up) land between sections rather than after the whole scenario. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The embedded provider: composes a scenario from the question's own subject, change, era and
 * domain, deterministically from the seed, with no network and no model. It is the default and
 * the fallback of last resort, so it never depends on anything that can be down.
 */
export function createLocalProvider(): ScenarioProvider {
  return {
    name: 'local',
    model: localModel,
    // Bumped whenever the phrase banks change, so cached scenarios from older banks are not served as new.
    promptVersion: 'local-phrases-2',
    async generate(request: GenerationRequest, signal: AbortSignal, onEvent: (event: ProviderEvent) => void) {
      signal.throwIfAborted();
      const random = createRandom(
        localModel,
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
        onEvent({ type: 'section', name, value });
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
