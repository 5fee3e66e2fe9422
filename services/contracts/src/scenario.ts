import { z } from 'zod';

/**
 * The scenario: the structure every provider must produce, generation streams, history
 * stores, sharing and social show and video narrates. One schema for all of them.
 */
export const scenarioCategories = ['history', 'science', 'society', 'personal', 'fantasy'] as const;
export const scenarioTones = ['serious', 'playful', 'dramatic', 'academic'] as const;
export const scenarioLengths = ['short', 'standard', 'long'] as const;
export const scenarioLanguages = ['en', 'vi'] as const;

export type ScenarioCategory = (typeof scenarioCategories)[number];
export type ScenarioTone = (typeof scenarioTones)[number];
export type ScenarioLength = (typeof scenarioLengths)[number];
export type ScenarioLanguage = (typeof scenarioLanguages)[number];

/** Bounds that keep a question a question (and a prompt affordable). */
export const questionLimits = { min: 10, max: 500 } as const;
/** The narration is read aloud by the video service: about two to three minutes of speech at most. */
export const narrationLimits = { min: 200, max: 3_000 } as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const timelineEntrySchema = z.object({
  when: text(80),
  event: text(600),
});

export const scenarioContentSchema = z.object({
  title: text(140),
  premise: text(1_200),
  divergence: timelineEntrySchema,
  timeline: z.array(timelineEntrySchema).min(5).max(8),
  consequences: z.object({
    immediate: text(1_200),
    shortTerm: text(1_200),
    longTerm: text(1_200),
    byDomain: z
      .object({
        politics: text(800),
        technology: text(800),
        culture: text(800),
        dailyLife: text(800),
      })
      .partial()
      .optional(),
  }),
  keyFigures: z
    .array(z.object({ name: text(120), role: text(400) }))
    .min(1)
    .max(8),
  plausibility: z.object({
    score: z.number().int().min(1).max(10),
    assumptions: z.array(text(400)).min(1).max(6),
  }),
  narration: z.string().trim().min(narrationLimits.min).max(narrationLimits.max),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).min(1).max(10),
});
/** What a provider writes: the scenario without the fields the service adds. */
export type ScenarioContent = z.infer<typeof scenarioContentSchema>;

export const provenanceSchema = z.object({
  provider: z.string().min(1),
  model: z.string().min(1),
  promptVersion: z.string().min(1),
  cached: z.boolean(),
});

export const scenarioSchema = scenarioContentSchema.extend({
  id: z.string().min(1).max(64),
  question: z.string().min(questionLimits.min).max(questionLimits.max),
  category: z.enum(scenarioCategories),
  tone: z.enum(scenarioTones),
  length: z.enum(scenarioLengths),
  language: z.enum(scenarioLanguages),
  /** A continuation: the scenario it branches from and the timeline entry it picks up. */
  parent: z
    .object({ id: z.string().min(1).max(64), timelineIndex: z.number().int().min(0).max(7) })
    .optional(),
  provenance: provenanceSchema,
  createdAt: z.iso.datetime(),
});
export type Scenario = z.infer<typeof scenarioSchema>;
