import { z } from 'zod';
import { scenarioContentSchema } from '@what-if/contracts';
import type { GenerationRequest } from './provider';

/**
 * Changes whenever the instructions below change, so cached scenarios written under older
 * instructions are not served for new requests (it is part of the cache key and provenance).
 */
export const PROMPT_VERSION = 'remote-2026-11-2';

/** The JSON Schema remote models are asked to follow, derived from the one zod schema. */
export const scenarioJsonSchema = (() => {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(scenarioContentSchema) as Record<string, unknown>;
  return schema;
})();

const languageNames = { en: 'English', vi: 'Vietnamese (tiếng Việt)' } as const;

const lengthGuidance = {
  short: '5 timeline entries, brief fields, a narration of about 250 words',
  standard: '6 or 7 timeline entries and a narration of about 350 words',
  long: '8 timeline entries, fuller consequences, and a narration of about 450 words',
} as const;

const toneGuidance = {
  serious: 'serious and concrete, like a good popular-history book',
  playful: 'playful and witty, but every fact still follows from the change',
  dramatic: 'dramatic and vivid, with high stakes, but never contradicting the chain of causes',
  academic: 'academic and careful: name the assumptions, say where the evidence would be thin',
} as const;

export interface Prompt {
  system: string;
  user: string;
}

/**
 * The instructions every remote model gets: the scenario's structure field by field, in the
 * language asked for, faithful to the question's polarity, with a timeline on a clock that
 * fits the event and consequences across domains. A continuation also gets its parent and the
 * entry it branches from; a retry after invalid output gets what was wrong.
 */
export function buildPrompt(request: GenerationRequest): Prompt {
  const language = languageNames[request.language];
  const system = [
    'You write alternate-history scenarios: one changed fact, followed honestly through a plausible chain of causes and effects.',
    `Write every field in ${language}, whatever the language of the question; keep names the reader knows in their usual ${language} form.`,
    `Tone: ${toneGuidance[request.tone]}. Length: ${lengthGuidance[request.length]}. The category is ${request.category}.`,
    'Be faithful to the question: if it says something did not happen, stopped, was lost or never existed, the scenario says exactly that; never turn a defeat into a victory or an absence into a presence, and keep the subject the question names.',
    'The fields:',
    '- title: names the subject and agrees with the question (not a copy of the question).',
    '- premise: what changes, what stays as in our history, and why it matters.',
    '- divergence: the point of divergence, {when, event}: the single moment the change happens.',
    '- timeline: entries in strictly chronological order; each follows from the one before (a causal chain, not a list). Their "when" labels use units that fit the event: hours and days for something that lasts a day, weeks and months for a short crisis, years and decades for politics and inventions, centuries for an empire, millions of years for evolution, a person\'s age for a life ("Age 25"). Never repeat a date or a phrase inside one sentence.',
    '- consequences: immediate, shortTerm and longTerm, and byDomain with politics, technology, culture and dailyLife.',
    '- keyFigures: real people only where they lived at the time; otherwise invented people with names that fit the place and period.',
    '- plausibility: an integer score from 1 (myth) to 10 (a small, likely change) and the assumptions the scenario makes.',
    '- narration: a script read aloud, 200 to 3000 characters, that retells the scenario.',
    '- tags: up to 10 short lowercase tags.',
    'Answer with one JSON object and nothing else (no prose, no code fences), matching this JSON Schema:',
    JSON.stringify(scenarioJsonSchema),
  ].join('\n');
  const lines = [`Question: ${request.question}`];
  if (request.parent) {
    const { scenario, timelineIndex } = request.parent;
    const branch = scenario.timeline[timelineIndex] ?? scenario.timeline.at(-1);
    lines.push(
      `This question continues an earlier scenario, "${scenario.title}" (asked as: ${scenario.question}).`,
      `Its premise: ${scenario.premise}`,
      `Its timeline: ${scenario.timeline.map((entry) => `${entry.when}: ${entry.event}`).join(' | ')}`,
    );
    if (branch) {
      lines.push(
        `Branch from the entry "${branch.when}: ${branch.event}". Answer the question asked about what happens next; the divergence is that entry, and every timeline entry comes after ${branch.when}, on the same kind of clock. Do not repeat the earlier timeline.`,
      );
    }
  }
  if (request.repair) {
    lines.push(
      `Your previous answer did not fit the schema: ${request.repair}. Write the whole JSON object again, correcting this.`,
    );
  }
  return { system, user: lines.join('\n') };
}
