import {
  scenarioContentSchema,
  type Scenario,
  type ScenarioCategory,
  type ScenarioContent,
  type ScenarioLanguage,
  type ScenarioLength,
  type ScenarioTone,
} from '@what-if/contracts';
import { createOfflineWriter, type SectionEvent, type WriterRequest as GenerationRequest } from '../src';
import { isPlural, simplePast } from '../src/english-grammar';

const writer = createOfflineWriter();

interface Options {
  category: ScenarioCategory;
  language?: ScenarioLanguage;
  tone?: ScenarioTone;
  length?: ScenarioLength;
  seed?: string;
  parent?: GenerationRequest['parent'];
}

function requestFor(question: string, options: Options): GenerationRequest {
  return {
    question,
    category: options.category,
    language: options.language ?? 'en',
    tone: options.tone ?? 'serious',
    length: options.length ?? 'standard',
    seed: options.seed ?? 'seed-1',
    parent: options.parent,
  };
}

async function generate(question: string, options: Options): Promise<ScenarioContent> {
  return writer.write(requestFor(question, options), new AbortController().signal, () => {});
}

/**
 * Puts a timeline label on one number line, independently of how the provider computes it:
 * calendar years, minus years-ago for deep time, ages, years after a myth's epoch, generations.
 */
function timeOf(label: string): number {
  const patterns: [RegExp, (match: RegExpMatchArray) => number][] = [
    [/^(today|ngày nay)$/i, () => 0],
    [/^([\d.,]+) (million|triệu)/i, (m) => -Number(m[1]!.replace(',', '.')) * 1_000_000],
    [/^([\d.,]+) (thousand|nghìn)/i, (m) => -Number(m[1]!.replace(',', '.')) * 1000],
    [/^(\d+) BC$|^Năm (\d+) TCN$/, (m) => -Number(m[1] ?? m[2])],
    [/^AD (\d+)$|^(\d{3,4})$|^Năm (\d+)$/, (m) => Number(m[1] ?? m[2] ?? m[3])],
    [/^Age (\d+)$|^Năm (\d+) tuổi$/, (m) => Number(m[1] ?? m[2])],
    [/^Year (\d+) after |^Năm thứ (\d+) sau /, (m) => Number(m[1] ?? m[2])],
    [/^Generation (\d+)$|^Thế hệ thứ (\d+)$/, (m) => Number(m[1] ?? m[2])],
  ];
  for (const [pattern, value] of patterns) {
    const match = label.match(pattern);
    if (match) return value(match);
  }
  throw new Error(`Unreadable timeline label: ${label}`);
}

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);

function proseOf(content: ScenarioContent): string[] {
  return [
    content.title,
    content.premise,
    content.divergence.event,
    ...content.timeline.map((entry) => entry.event),
    content.consequences.immediate,
    content.consequences.shortTerm,
    content.consequences.longTerm,
    ...Object.values(content.consequences.byDomain ?? {}),
    ...content.keyFigures.map((figure) => figure.role),
    ...content.plausibility.assumptions,
    content.narration,
  ];
}

const vietnameseLetter = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
const vietnameseFunctionWords = /(^|\s)(những|của|và|là|không|được|trong|một)(\s|$)/i;
const englishFunctionWords = /\b(the|and|of|is|was|were|with|that|this|their|they)\b/i;

interface Case {
  question: string;
  category: ScenarioCategory;
  language: ScenarioLanguage;
  /** What a reader expects to see named in the title, the premise and the timeline. */
  subject: RegExp;
  /** Where the timeline must start, on the timeOf number line. */
  starts: (first: number) => boolean;
}

const spread: Case[] = [
  {
    question: 'What if the Roman Empire never fell?',
    category: 'history',
    language: 'en',
    subject: /Roman Empire/i,
    starts: (t) => t === 476,
  },
  {
    question: 'What if Napoleon won at Waterloo?',
    category: 'history',
    language: 'en',
    subject: /Napoleon/,
    starts: (t) => t === 1815,
  },
  {
    question: 'What if dinosaurs had not gone extinct?',
    category: 'science',
    language: 'en',
    subject: /dinosaurs/i,
    starts: (t) => t === -66_000_000,
  },
  {
    question: 'What if humans could photosynthesize?',
    category: 'science',
    language: 'en',
    subject: /humans/i,
    starts: (t) => t === 1,
  },
  {
    question: 'What if the internet was invented in the 1800s?',
    category: 'science',
    language: 'en',
    subject: /internet/i,
    starts: (t) => t >= 1800 && t < 1900,
  },
  {
    question: 'What if money never existed?',
    category: 'society',
    language: 'en',
    subject: /money/i,
    starts: (t) => t === -600,
  },
  {
    question: 'What if I had become a doctor instead of a musician?',
    category: 'personal',
    language: 'en',
    subject: /doctor/i,
    starts: (t) => t >= 16 && t <= 25,
  },
  {
    question: 'What if I had moved to Japan at 20?',
    category: 'personal',
    language: 'en',
    subject: /Japan/,
    starts: (t) => t === 20,
  },
  {
    question: 'What if dragons were real?',
    category: 'fantasy',
    language: 'en',
    subject: /dragons/i,
    starts: (t) => t === 1,
  },
  {
    question: 'Nếu nhà Trần thua quân Mông Cổ thì sao?',
    category: 'history',
    language: 'vi',
    subject: /nhà Trần/i,
    starts: (t) => t === 1288,
  },
  {
    question: 'Nếu tôi đi du học?',
    category: 'personal',
    language: 'vi',
    subject: /du học/i,
    starts: (t) => t >= 16 && t <= 25,
  },
  {
    question: 'Điều gì sẽ xảy ra nếu khủng long không tuyệt chủng?',
    category: 'science',
    language: 'vi',
    subject: /khủng long/i,
    starts: (t) => t === -66_000_000,
  },
];

describe('the offline writer', () => {
  it('names its model', () => {
    expect(writer.model).toBe('what-if-local-1');
  });

  describe.each(spread)('for "$question"', ({ question, category, language, subject, starts }) => {
    let content: ScenarioContent;
    beforeAll(async () => {
      content = await generate(question, { category, language });
    });

    it('writes a scenario that passes the schema', () => {
      expect(scenarioContentSchema.safeParse(content).error).toBeUndefined();
    });

    it('names the subject in the title or premise, and in the timeline', () => {
      expect(`${content.title} ${content.premise}`).toMatch(subject);
      expect(content.timeline.filter((entry) => subject.test(entry.event)).length).toBeGreaterThanOrEqual(1);
    });

    it('runs its timeline forward from the point of divergence', () => {
      const times = content.timeline.map((entry) => timeOf(entry.when));
      expect(content.timeline[0]!.when).toBe(content.divergence.when);
      expect(starts(times[0]!)).toBe(true);
      times.slice(1).forEach((time, index) => expect(time).toBeGreaterThan(times[index]!));
    });

    it('writes in the language asked for', () => {
      const sentences = proseOf(content).flatMap(sentencesOf);
      if (language === 'vi') {
        const english = sentences.filter((sentence) => englishFunctionWords.test(sentence));
        const unmarked = sentences.filter(
          (sentence) => sentence.split(' ').length >= 4 && !vietnameseLetter.test(sentence),
        );
        expect(english).toEqual([]);
        expect(unmarked).toEqual([]);
      } else {
        expect(sentences.filter((sentence) => vietnameseFunctionWords.test(sentence))).toEqual([]);
      }
    });
  });

  it('gives unrelated questions their own sentences, not shared boilerplate', async () => {
    const questions = spread.filter((entry) => entry.language === 'en');
    const scenarios = await Promise.all(questions.map((entry) => generate(entry.question, entry)));
    const longSentences = (content: ScenarioContent) =>
      new Set(
        [content.title, content.premise, ...content.timeline.map((entry) => entry.event)]
          .flatMap(sentencesOf)
          .filter((sentence) => sentence.split(' ').length >= 6),
      );
    const titles = new Set(scenarios.map((content) => content.title));
    expect(titles.size).toBe(scenarios.length);
    for (const [index, first] of scenarios.entries()) {
      for (const [offset, second] of scenarios.slice(index + 1).entries()) {
        // Two choices in one life are related questions; unrelated ones come from different categories.
        if (questions[index]!.category === questions[index + 1 + offset]!.category) continue;
        const mine = longSentences(first);
        const shared = [...longSentences(second)].filter((sentence) => mine.has(sentence));
        expect({ between: [first.title, second.title], shared: shared.length > 1 ? shared : [] }).toEqual({
          between: [first.title, second.title],
          shared: [],
        });
      }
    }
  });

  it('tells a real anchor with its real people, and not out of their time', async () => {
    const rome = await generate('What if the Roman Empire never fell?', { category: 'history' });
    expect(rome.keyFigures.map((figure) => figure.name)).toEqual(expect.arrayContaining(['Odoacer']));
    const tran = await generate('Nếu nhà Trần thua quân Mông Cổ thì sao?', {
      category: 'history',
      language: 'vi',
    });
    expect(tran.keyFigures.map((figure) => figure.name)).toEqual(expect.arrayContaining(['Trần Hưng Đạo']));
    const victorianInternet = await generate('What if the internet was invented in the 1800s?', {
      category: 'science',
    });
    expect(victorianInternet.keyFigures.map((figure) => figure.name)).not.toContain('Vint Cerf');
  });

  it('scores plausibility by how far the change is from known history and physics', async () => {
    const score = async (question: string, category: ScenarioCategory) =>
      (await generate(question, { category })).plausibility.score;
    const dragons = await score('What if dragons were real?', 'fantasy');
    const photosynthesis = await score('What if humans could photosynthesize?', 'science');
    const waterloo = await score('What if Napoleon won at Waterloo?', 'history');
    const doctor = await score('What if I had become a doctor instead of a musician?', 'personal');
    expect(dragons).toBeLessThan(photosynthesis);
    expect(photosynthesis).toBeLessThan(waterloo);
    expect(waterloo).toBeLessThan(doctor);
  });

  it('writes the same scenario for the same seed and a different one for another seed', async () => {
    const question = 'What if the Roman Empire never fell?';
    expect(await generate(question, { category: 'history', seed: 'a' })).toEqual(
      await generate(question, { category: 'history', seed: 'a' }),
    );
    const seeds = ['a', 'b', 'c', 'd', 'e', 'f'];
    const scenarios = await Promise.all(
      seeds.map((seed) => generate(question, { category: 'history', seed })),
    );
    expect(new Set(scenarios.map((content) => content.premise)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(scenarios.map((content) => content.narration)).size).toBe(seeds.length);
  });

  it('changes its voice with the tone', async () => {
    const tones: ScenarioTone[] = ['serious', 'playful', 'dramatic', 'academic'];
    for (const [question, category] of [
      ['What if Napoleon won at Waterloo?', 'history'],
      ['Nếu tôi đi du học?', 'personal'],
    ] as const) {
      const language = question.startsWith('Nếu') ? 'vi' : 'en';
      const scenarios = await Promise.all(
        tones.map((tone) => generate(question, { category, language, tone })),
      );
      expect(new Set(scenarios.map((content) => content.narration)).size).toBe(tones.length);
      const openings = scenarios.map((content) => sentencesOf(content.narration)[0]);
      expect(new Set(openings).size).toBe(tones.length);
    }
  });

  it('writes more for a longer scenario', async () => {
    const question = 'What if dinosaurs had not gone extinct?';
    for (const seed of ['a', 'b', 'c']) {
      const [short, standard, long] = await Promise.all(
        (['short', 'standard', 'long'] as const).map((length) =>
          generate(question, { category: 'science', length, seed }),
        ),
      );
      expect(short!.timeline).toHaveLength(5);
      expect(standard!.timeline.length).toBeGreaterThanOrEqual(6);
      expect(standard!.timeline.length).toBeLessThanOrEqual(7);
      expect(long!.timeline).toHaveLength(8);
      expect(short!.premise.length).toBeLessThan(long!.premise.length);
      expect(short!.narration.length).toBeLessThan(long!.narration.length);
    }
  });

  it('keeps within the schema for every tone, length and language', async () => {
    const questions: [string, ScenarioCategory, ScenarioLanguage][] = [
      ['What if the printing press was invented in 1000 AD?', 'history', 'en'],
      ['What if cats could talk?', 'science', 'en'],
      ['Nếu Pháp thắng ở Điện Biên Phủ?', 'history', 'vi'],
      ['Nếu loài rồng có thật?', 'fantasy', 'vi'],
      ['What if???', 'history', 'en'],
      [
        `What if ${'the very old and very long-winded empire of the north '.repeat(8)}never fell?`,
        'history',
        'en',
      ],
    ];
    for (const [question, category, language] of questions)
      for (const tone of ['serious', 'playful', 'dramatic', 'academic'] as const)
        for (const length of ['short', 'standard', 'long'] as const) {
          const content = await generate(question, {
            category,
            language,
            tone,
            length,
            seed: `${tone}-${length}`,
          });
          expect(scenarioContentSchema.safeParse(content).error).toBeUndefined();
        }
  });

  describe('continuing a scenario from one of its timeline entries', () => {
    function asParent(
      question: string,
      category: ScenarioCategory,
      content: ScenarioContent,
      language: ScenarioLanguage = 'en',
    ): Scenario {
      return {
        ...content,
        id: 'parent-1',
        question,
        category,
        tone: 'serious',
        length: 'standard',
        language,
        provenance: { provider: 'local', model: 'what-if-local-1', promptVersion: 'test', cached: false },
        createdAt: new Date(0).toISOString(),
      };
    }

    it.each([
      ['What if the Roman Empire never fell?', 'history', 'en', 2],
      ['What if dinosaurs had not gone extinct?', 'science', 'en', 3],
      ['What if I had moved to Japan at 20?', 'personal', 'en', 1],
      ['Nếu nhà Trần thua quân Mông Cổ thì sao?', 'history', 'vi', 4],
    ] as const)(
      'picks up "%s" after the chosen entry',
      async (question, category, language, timelineIndex) => {
        const parentContent = await generate(question, { category, language });
        const parent = { scenario: asParent(question, category, parentContent, language), timelineIndex };
        const chosen = parentContent.timeline[timelineIndex]!;
        const follow =
          language === 'vi' ? 'Và rồi chuyện gì xảy ra tiếp theo?' : 'And then what happened next?';
        const content = await generate(follow, { category, language, parent });
        expect(scenarioContentSchema.safeParse(content).error).toBeUndefined();
        expect(content.divergence.when).toBe(chosen.when);
        expect(content.premise).toContain(chosen.event.slice(0, 40));
        expect(`${content.title} ${content.premise}`).not.toMatch(/what happened next|chuyện gì xảy ra/i);
        const times = content.timeline.map((entry) => timeOf(entry.when));
        expect(times[0]).toBeGreaterThan(timeOf(chosen.when));
        times.slice(1).forEach((time, index) => expect(time).toBeGreaterThan(times[index]!));
      },
    );
  });

  describe('streaming and cancellation', () => {
    it('reports each section as it is composed, in order, and resolves with the same content', async () => {
      const events: SectionEvent[] = [];
      const content = await writer.write(
        requestFor('What if the Roman Empire never fell?', { category: 'history' }),
        new AbortController().signal,
        (event) => events.push(event),
      );
      const sections = events.flatMap((event) => (event.type === 'section' ? [event] : []));
      expect(sections.map((event) => event.name)).toEqual([
        'title',
        'premise',
        'divergence',
        'timeline',
        'consequences',
        'keyFigures',
        'plausibility',
        'narration',
        'tags',
      ]);
      for (const event of sections) expect(content[event.name]).toEqual(event.value);
    });

    it('refuses to start when the request is already cancelled', async () => {
      const controller = new AbortController();
      controller.abort();
      const onEvent = jest.fn();
      await expect(
        writer.write(
          requestFor('What if dragons were real?', { category: 'fantasy' }),
          controller.signal,
          onEvent,
        ),
      ).rejects.toMatchObject({ name: 'AbortError' });
      expect(onEvent).not.toHaveBeenCalled();
    });

    it('stops between sections when the client goes away', async () => {
      const controller = new AbortController();
      const names: string[] = [];
      const generation = writer.write(
        requestFor('What if dragons were real?', { category: 'fantasy' }),
        controller.signal,
        (event) => {
          if (event.type === 'section') names.push(event.name);
          if (names.length === 2) controller.abort();
        },
      );
      await expect(generation).rejects.toMatchObject({ name: 'AbortError' });
      expect(names).toEqual(['title', 'premise']);
    });
  });
});

describe('English agreement', () => {
  test.each([
    ['the printing press', false],
    ['the Roman Empire', false],
    ['a virus', false],
    ['dinosaurs', true],
    ['humans', true],
    ['they', true],
  ])('%s takes a %s verb', (subject, plural) => {
    expect(isPlural(subject)).toBe(plural);
  });

  test('a singular subject is retold with "was"', () => {
    expect(simplePast('had been invented in Rome', 'the printing press')).toBe('was invented in Rome');
  });
});
