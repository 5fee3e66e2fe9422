import { z } from 'zod';
import { scenarioContentSchema } from '@what-if/contracts';
import type { GenerationRequest } from './provider';

/**
 * Changes whenever the instructions below change, so cached scenarios written under older
 * instructions are not served for new requests (it is part of the cache key and provenance).
 */
export const PROMPT_VERSION = 'remote-2026-11-1';

/** The JSON Schema remote models are asked to follow, derived from the one zod schema. */
export const scenarioJsonSchema = (() => {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(scenarioContentSchema) as Record<string, unknown>;
  return schema;
})();

const languageNames = { en: 'English', vi: 'Vietnamese' } as const;

const lengthGuidance = {
  short: '5 timeline entries, brief fields, a narration of about 250 words',
  standard: '6 or 7 timeline entries and a narration of about 350 words',
  long: '8 timeline entries, rich consequences including byDomain, and a narration of about 450 words',
} as const;

export interface Prompt {
  system: string;
  user: string;
}

export function buildPrompt(request: GenerationRequest): Prompt {
  const system = [
    'You write alternate-history scenarios: plausible, specific chains of cause and effect that follow from one changed event.',
    `Write in ${languageNames[request.language]}, in a ${request.tone} tone; the category is ${request.category}.`,
    `Length: ${lengthGuidance[request.length]}.`,
    'Answer with one JSON object and nothing else (no prose, no code fences), matching this JSON Schema:',
    JSON.stringify(scenarioJsonSchema),
    'plausibility.score is an integer from 1 to 10; narration is a script read aloud, 200 to 3000 characters; tags are lowercase.',
  ].join('\n');
  const lines = [`Question: ${request.question}`];
  if (request.parent) {
    const { scenario, timelineIndex } = request.parent;
    const branch = scenario.timeline[timelineIndex];
    lines.push(
      `This continues the scenario "${scenario.title}": ${scenario.premise}`,
      branch
        ? `Branch from its timeline entry ${timelineIndex + 1} (${branch.when}: ${branch.event}) and explore what happens next.`
        : 'Explore what happens next.',
    );
  }
  return { system, user: lines.join('\n') };
}
