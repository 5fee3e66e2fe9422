import type {
  Scenario,
  ScenarioCategory,
  ScenarioContent,
  ScenarioLanguage,
  ScenarioLength,
  ScenarioTone,
} from '@what-if/contracts';

/** Everything the writer needs to write one scenario: the question and its options, all decided. */
export interface WriterRequest {
  question: string;
  category: ScenarioCategory;
  tone: ScenarioTone;
  length: ScenarioLength;
  language: ScenarioLanguage;
  /** For "and then what?": the scenario continued and the timeline entry it branches from. */
  parent?: { scenario: Scenario; timelineIndex: number };
  /** The same seed and request always give the same scenario. */
  seed: string;
}

/** A finished part of the scenario, reported as soon as it is written. */
export interface SectionEvent {
  type: 'section';
  name: keyof ScenarioContent;
  value: unknown;
}
