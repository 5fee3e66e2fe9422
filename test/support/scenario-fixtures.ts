import { randomUUID } from 'node:crypto';
import type { Scenario } from '@what-if/contracts';

let sequence = 0;

/**
 * A valid scenario, as generation sends it and history stores it; overrides change what a test is about.
 * The one fixture the services' tests share (social's, video's and the system tests).
 */
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

/** A Vietnamese scenario: every tone mark and đ the slides and the voice must get right. */
export function makeVietnameseScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    ...makeScenario(),
    language: 'vi',
    question: 'Điều gì sẽ xảy ra nếu nhà Trần không đánh thắng quân Nguyên?',
    title: 'Đại Việt dưới bóng nhà Nguyên',
    premise: 'Quân Nguyên chiếm được Thăng Long và ở lại lâu dài trên đất Đại Việt.',
    divergence: { when: 'Năm 1288', event: 'Trận Bạch Đằng thất bại vì thủy triều lên sớm.' },
    timeline: [
      { when: 'Năm 1290', event: 'Triều đình nhà Trần rút vào vùng núi phía tây.' },
      { when: 'Năm 1320', event: 'Thương nhân người Hoa lập phố chợ dọc sông Hồng.' },
      { when: 'Năm 1400', event: 'Các cuộc khởi nghĩa nổ ra khắp đồng bằng.' },
      { when: 'Năm 1428', event: 'Một triều đại mới giành lại độc lập.' },
      { when: 'Năm 1500', event: 'Chữ Nôm được dùng rộng rãi trong văn chương.' },
    ],
    consequences: {
      immediate: 'Kinh đô bị chiếm đóng và bộ máy triều đình tan rã.',
      shortTerm: 'Thuế nặng khiến nông dân nổi dậy ở nhiều nơi.',
      longTerm: 'Ý thức độc lập càng được hun đúc qua nhiều thế hệ.',
    },
    keyFigures: [{ name: 'Trần Hưng Đạo', role: 'Vị tướng phải rút quân về miền núi.' }],
    plausibility: { score: 5, assumptions: ['Thủy triều có thể đã khác đi trong ngày quyết định.'] },
    narration:
      'Hãy tưởng tượng quân Nguyên thắng trận trên sông Bạch Đằng. Thăng Long rơi vào tay giặc và triều đình phải rút lui. ' +
      'Nhưng người Việt không bao giờ quên khát vọng độc lập của mình. ' +
      'Một thế kỷ sau, đất nước lại đứng lên.',
    tags: ['lịch sử'],
    ...overrides,
  };
}
