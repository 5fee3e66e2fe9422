import type { GenerationRequest, ProviderEvent } from '../../src/providers/provider';

export function generationRequest(question = 'What if the Roman Empire never fell?'): GenerationRequest {
  return {
    question,
    category: 'history',
    tone: 'serious',
    length: 'standard',
    language: 'en',
    seed: 'seed-1',
  };
}

/** Collects what a provider reports, to assert on. */
export function eventLog(): {
  events: ProviderEvent[];
  onEvent: (event: ProviderEvent) => void;
  text(): string;
} {
  const events: ProviderEvent[] = [];
  return {
    events,
    onEvent: (event) => events.push(event),
    text: () => events.map((event) => (event.type === 'delta' ? event.text : '')).join(''),
  };
}
