import { randomUUID } from 'node:crypto';
import type { Scenario } from '@what-if/contracts';

let sequence = 0;

/** A valid kit scenario, as generation would send it; overrides change what a test is about. */
export function makeScenario(overrides: Partial<Scenario> = {}): Scenario {
  sequence += 1;
  return {
    id: randomUUID(),
    question: 'What if the Roman Empire never fell?',
    title: 'The Eternal Empire',
    premise: 'Rome survives the crises of the fifth century and endures into the modern age.',
    divergence: { when: '476 CE', event: 'Odoacer is defeated and the western court holds Ravenna.' },
    timeline: [
      { when: '500', event: 'The western provinces are reorganised around fortified cities.' },
      { when: '800', event: 'Roman law is codified anew across both halves of the empire.' },
      { when: '1200', event: 'Imperial engineers build aqueducts as far as the Baltic.' },
      { when: '1500', event: 'Roman fleets reach the Americas under an imperial charter.' },
      { when: '1800', event: 'Steam power spreads along the imperial roads.' },
    ],
    consequences: {
      immediate: 'The west avoids fragmentation into kingdoms.',
      shortTerm: 'Trade across the Mediterranean continues without interruption.',
      longTerm: 'Latin remains the language of science and government worldwide.',
    },
    keyFigures: [{ name: 'Julius Nepos', role: 'The emperor who held the west together.' }],
    plausibility: { score: 4, assumptions: ['The western army could have been paid and kept loyal.'] },
    narration:
      'Imagine a world in which Rome never fell. The legions held the frontiers, the roads stayed open ' +
      'and the cities kept their baths and libraries. Over centuries the empire changed, yet it endured, ' +
      'and its law, its language and its engineering shaped every continent it touched.',
    tags: ['rome', 'empire'],
    category: 'history',
    tone: 'serious',
    length: 'standard',
    language: 'en',
    provenance: { provider: 'local', model: 'offline-composer', promptVersion: '1', cached: false },
    // Distinct, increasing creation times so newest-first order is known in advance.
    createdAt: new Date(Date.UTC(2026, 0, 1) + sequence * 60_000).toISOString(),
    ...overrides,
  };
}
