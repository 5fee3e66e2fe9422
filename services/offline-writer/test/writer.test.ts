import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type ScenarioContent,
  type ScenarioLanguage,
  type ScenarioLength,
  type ScenarioTone,
  scenarioContentSchema,
} from '@what-if/contracts';
import { type SectionEvent, type WriterRequest, createOfflineWriter, inferCategory } from '../src';
import { english } from '../src/phrases/en';
import { vietnamese } from '../src/phrases/vi';
import { parseMoment } from '../src/telling/clock';
import { slotsOf } from '../src/telling/template';

const writer = createOfflineWriter();
const never = new AbortController().signal;

function request(question: string, options: Partial<WriterRequest> = {}): WriterRequest {
  return {
    question,
    category: inferCategory(question),
    tone: 'serious',
    length: 'standard',
    language: /[ăâđêôơư]|^nếu/i.test(question) ? 'vi' : 'en',
    seed: 'seed-1',
    ...options,
  };
}

const write = (question: string, options: Partial<WriterRequest> = {}) =>
  writer.write(request(question, options), never, () => undefined);

describe('the offline writer', () => {
  const questions = [
    'What if the Roman Empire never fell?',
    'What if photosynthesis stopped for a day?',
    'What if I had moved to Japan at 20?',
    'Nếu nhà Trần không đánh bại quân Mông Cổ thì sao?',
    'Nếu rồng có thật thì sao?',
  ];
  const tones: ScenarioTone[] = ['serious', 'playful', 'dramatic', 'academic'];
  const lengths: ScenarioLength[] = ['short', 'standard', 'long'];

  it.each(questions)(
    'writes "%s" in every tone and length, in both languages, within the schema',
    async (question) => {
      for (const tone of tones) {
        for (const length of lengths) {
          for (const language of ['en', 'vi'] as ScenarioLanguage[]) {
            const content = await write(question, { tone, length, language });
            expect({
              tone,
              length,
              language,
              issues: scenarioContentSchema.safeParse(content).error?.issues,
            }).toEqual({
              tone,
              length,
              language,
              issues: undefined,
            });
            expect({ short: [5], standard: [6, 7], long: [8] }[length]).toContain(content.timeline.length);
          }
        }
      }
    },
  );

  it('writes the same scenario for the same seed and a different one for another seed', async () => {
    const first = await write('What if the printing press had been invented in Rome?');
    const again = await write('What if the printing press had been invented in Rome?');
    const other = await write('What if the printing press had been invented in Rome?', { seed: 'seed-2' });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('tells a one-day event in hours and days, an empire in centuries, deep time in years ago, a life in ages', async () => {
    const labels = async (question: string) =>
      (await write(question, { length: 'long' })).timeline.map((entry) => entry.when);
    expect((await labels('What if photosynthesis stopped for a day?')).slice(0, 4)).toEqual([
      'Hour 1',
      'Hour 6',
      'Hour 12',
      'Hour 24',
    ]);
    const rome = (await labels('What if the Roman Empire never fell?')).map((label) => parseMoment(label));
    expect(rome[0]).toEqual({ scale: 'year', year: 476 });
    expect(rome.at(-1)).toEqual({ scale: 'year', year: 2026 });
    expect((await labels('What if dinosaurs had not gone extinct?'))[0]).toBe('66 million years ago');
    expect((await labels('What if I had moved to Japan at 20?'))[0]).toBe('Age 20');
  });

  it('answers in the language asked for, naming what it knows in that language and quoting the rest', async () => {
    const roman = await write('What if the Roman Empire never fell?', { language: 'vi' });
    expect(roman.title).toMatch(/Đế chế La Mã/);
    expect(`${roman.title} ${roman.premise}`).not.toMatch(/What if|Roman Empire/);
    const unknown = await write('What if cats could talk?', { language: 'vi' });
    expect(unknown.premise).toMatch(/“[^”]*cats[^”]*”/);
  });

  it('continues a scenario from the chosen entry, about what the follow-up asks, later in time', async () => {
    const parentRequest = request('What if the Roman Empire never fell?');
    const parent = await writer.write(parentRequest, never, () => undefined);
    const stored = {
      ...parent,
      id: 'parent-1',
      question: parentRequest.question,
      category: parentRequest.category,
      tone: parentRequest.tone,
      length: parentRequest.length,
      language: parentRequest.language,
      provenance: { provider: 'local', model: writer.model, promptVersion: writer.version, cached: false },
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const child = await write('And then what happened to the Senate?', {
      parent: { scenario: stored, timelineIndex: 2 },
    });
    const branchYear = parseMoment(parent.timeline[2]!.when);
    const firstYear = parseMoment(child.timeline[0]!.when);
    expect(branchYear?.scale).toBe('year');
    expect(
      firstYear?.scale === 'year' && branchYear?.scale === 'year' && firstYear.year > branchYear.year,
    ).toBe(true);
    expect(child.title).toMatch(/Senate/);
    expect(child.divergence.when).toBe(parent.timeline[2]!.when);
    expect(`${child.premise} ${child.timeline.map((entry) => entry.event).join(' ')}`).not.toMatch(
      /from in /,
    );
  });

  describe('streaming and cancellation', () => {
    it('reports each section as it is composed, in order, and resolves with the same content', async () => {
      const events: SectionEvent[] = [];
      const content = await writer.write(request('What if the Roman Empire never fell?'), never, (event) =>
        events.push(event),
      );
      expect(events.map((event) => event.name)).toEqual([
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
      for (const event of events) expect(content[event.name as keyof ScenarioContent]).toEqual(event.value);
    });

    it('refuses to start when the request is already cancelled', async () => {
      const controller = new AbortController();
      controller.abort();
      const onSection = jest.fn();
      await expect(
        writer.write(request('What if dragons were real?'), controller.signal, onSection),
      ).rejects.toMatchObject({
        name: 'AbortError',
      });
      expect(onSection).not.toHaveBeenCalled();
    });

    it('stops between sections when the client goes away', async () => {
      const controller = new AbortController();
      const names: string[] = [];
      const writing = writer.write(request('What if dragons were real?'), controller.signal, (event) => {
        names.push(event.name);
        if (names.length === 2) controller.abort();
      });
      await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
      expect(names).toEqual(['title', 'premise']);
    });
  });
});

describe('the phrase banks', () => {
  const templatesOf = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(templatesOf)
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(templatesOf)
          : [];
  const banks = { en: english, vi: vietnamese };
  // Motifs, tags and subtitles are plain words, not templates; everything else may hold slots.
  const templates = (language: 'en' | 'vi') =>
    templatesOf({ ...banks[language], tags: {} }).filter((template) => template.length > 0);

  /** The slots documented in phrases/types.ts: one table, the one the README points to. */
  const documented = new Set(
    [
      ...readFileSync(path.join(__dirname, '..', 'src', 'phrases', 'types.ts'), 'utf8').matchAll(
        /`\{(\w+)\}`/g,
      ),
    ].map((match) => match[1]!),
  );

  it.each(['en', 'vi'] as const)(
    '%s: names every slot with a word, and only slots the documentation lists',
    (language) => {
      const used = new Set(templates(language).flatMap(slotsOf));
      expect([...used].filter((slot) => !documented.has(slot))).toEqual([]);
      expect([...used].filter((slot) => slot.length < 4)).toEqual([]);
    },
  );

  it('documents no slot that neither language uses', () => {
    const used = new Set([...templates('en'), ...templates('vi')].flatMap(slotsOf));
    expect([...documented].filter((slot) => !used.has(slot))).toEqual([]);
  });

  it.each(['en', 'vi'] as const)('%s: never names the subject twice in one sentence', (language) => {
    const subjectLike = ['subject', 'clause', 'datedClause', 'change', 'focus'];
    const offenders = templates(language).filter((template) =>
      template
        .split(/(?<=[.!?])\s+/)
        .some((sentence) => slotsOf(sentence).filter((slot) => subjectLike.includes(slot)).length > 1),
    );
    expect(offenders).toEqual([]);
  });

  it('uses verb agreement marks ([is|are]) in English only', () => {
    expect(templates('vi').filter((template) => /\[[^\]]+\|[^\]]+\]/.test(template))).toEqual([]);
  });
});
