import type { ScenarioContent } from '@what-if/contracts';

/** A scenario that passes the kit's schema, about whatever `topic` says. */
export function sampleContent(topic = 'the Roman Empire never fell'): ScenarioContent {
  return {
    title: `If ${topic}`,
    premise: `A world in which ${topic}, followed through the centuries after.`,
    divergence: { when: '476', event: `The turning point: ${topic}.` },
    timeline: [
      { when: '500', event: 'The first generation adapts.' },
      { when: '700', event: 'Trade routes shift.' },
      { when: '1000', event: 'A new balance of power settles.' },
      { when: '1500', event: 'Science takes a different road.' },
      { when: '1900', event: 'The modern world looks unfamiliar.' },
    ],
    consequences: {
      immediate: 'Confusion, then adaptation.',
      shortTerm: 'Institutions bend to the change.',
      longTerm: 'A different present.',
    },
    keyFigures: [{ name: 'A chronicler', role: 'Records the change' }],
    plausibility: { score: 6, assumptions: ['People behave as they always have.'] },
    narration: `Imagine a world in which ${topic}. `.repeat(12).trim(),
    tags: ['alternate-history', 'test'],
  };
}
