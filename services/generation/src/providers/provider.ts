import type {
  Scenario,
  ScenarioCategory,
  ScenarioContent,
  ScenarioLanguage,
  ScenarioLength,
  ScenarioTone,
} from '@what-if/contracts';

/** Everything a provider needs to write one scenario. */
export interface GenerationRequest {
  question: string;
  category: ScenarioCategory;
  tone: ScenarioTone;
  length: ScenarioLength;
  language: ScenarioLanguage;
  /** For "and then what?": the scenario continued and the timeline entry it branches from. */
  parent?: { scenario: Scenario; timelineIndex: number };
  /** Makes the local provider's choices repeatable; remote providers may pass it on or ignore it. */
  seed: string;
  /** A retry after invalid output: what was wrong with the previous answer, for the prompt to correct. */
  repair?: string;
}

/** What a provider reports while it writes, for the stream to the client. */
export type ProviderEvent =
  /** Raw text as a model produces it (remote providers). */
  | { type: 'delta'; text: string }
  /** A finished part of the scenario (the local provider, or a remote one whose JSON parses incrementally). */
  | { type: 'section'; name: keyof ScenarioContent; value: unknown };

export interface ScenarioProvider {
  /** local, openai, anthropic, bedrock: the name clients may ask for and provenance records. */
  readonly name: string;
  readonly model: string;
  /**
   * The version of this provider's instructions or templates, recorded in provenance and
   * part of the cache key; the remote providers share PROMPT_VERSION when they leave it out.
   */
  readonly promptVersion?: string;
  /**
   * Writes a scenario. Resolves with content that still has to pass the schema (the caller
   * validates it); rejects on transport, protocol or parse failures; stops when `signal` aborts.
   */
  generate(
    request: GenerationRequest,
    signal: AbortSignal,
    onEvent: (event: ProviderEvent) => void,
  ): Promise<ScenarioContent>;
}
