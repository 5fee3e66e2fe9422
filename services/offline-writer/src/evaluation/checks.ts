import {
  type Scenario,
  type ScenarioContent,
  type ScenarioLanguage,
  scenarioContentSchema,
} from '@what-if/contracts';
import { assemblyFault, duplicateSentences, repeatedPhrase, sentencesOf } from '../telling/text-checks';
import type { Clock, EvalCase } from './cases';

/** One written scenario and what it was asked, as the checks see it. */
export interface Trial {
  testCase: EvalCase;
  /** The category the generation service resolved for the request. */
  category: string;
  language: ScenarioLanguage;
  content: ScenarioContent;
  parent?: { scenario: Scenario; timelineIndex: number };
}

/** A check's verdict: undefined when it passed, else what is wrong; 'n/a' when it does not apply. */
type Verdict = string | undefined | 'n/a';

export interface Check {
  name: string;
  /** Hard checks must pass on every scenario; soft ones are reported only. */
  hard: boolean;
  description: string;
  run(trial: Trial): Verdict;
}

/**
 * A timeline label on one number line per clock, read independently of how the writer writes
 * it: calendar years (AD, BC, "Năm", "Today"), years ago, time since the change, ages.
 */
export function readLabel(
  label: string,
): { clock: 'calendar' | 'deep' | 'elapsed' | 'age' | 'present'; value: number; unit?: string } | undefined {
  const text = label.trim();
  let match: RegExpMatchArray | null;
  const number = (value: string) => Number(value.replace(/[.\s](?=\d{3}\b)/g, '').replace(',', '.'));
  if (/^(today|ngày nay)$/i.test(text)) return { clock: 'present', value: Number.NaN };
  if ((match = text.match(/^([\d.,]+) (billion|tỷ) (?:years ago|năm trước)$/i)))
    return { clock: 'deep', value: -number(match[1]!) * 1e9 };
  if ((match = text.match(/^([\d.,]+) (million|triệu) (?:years ago|năm trước)$/i)))
    return { clock: 'deep', value: -number(match[1]!) * 1e6 };
  if ((match = text.match(/^([\d.,]+) (thousand|nghìn) (?:years ago|năm trước)$/i)))
    return { clock: 'deep', value: -number(match[1]!) * 1e3 };
  if ((match = text.match(/^(\d+) BC$|^Năm (\d+) TCN$/)))
    return { clock: 'calendar', value: -Number(match[1] ?? match[2]) };
  if ((match = text.match(/^AD (\d+)$|^(\d{3,4})$|^Năm (\d+)$/)))
    return { clock: 'calendar', value: Number(match[1] ?? match[2] ?? match[3]) };
  if ((match = text.match(/^Age (\d+)$|^Năm (\d+) tuổi$/)))
    return { clock: 'age', value: Number(match[1] ?? match[2]) };
  const hours: Record<string, number> = {
    minute: 1 / 60,
    hour: 1,
    day: 24,
    week: 168,
    month: 720,
    year: 8760,
  };
  const units: Record<string, string> = {
    phút: 'minute',
    giờ: 'hour',
    ngày: 'day',
    tuần: 'week',
    tháng: 'month',
    năm: 'year',
  };
  if ((match = text.match(/^(Minute|Hour|Day|Week|Month|Year) (\d+)$/))) {
    const unit = match[1]!.toLowerCase();
    return { clock: 'elapsed', value: hours[unit]! * Number(match[2]), unit };
  }
  if ((match = text.match(/^(Phút|Giờ|Ngày|Tuần|Tháng|Năm) thứ (\d+)$/))) {
    const unit = units[match[1]!.toLowerCase()]!;
    return { clock: 'elapsed', value: hours[unit]! * Number(match[2]), unit };
  }
  return undefined;
}

type Reading = NonNullable<ReturnType<typeof readLabel>>;

/** Labels read on one clock: "Today" is the present of whichever clock the others use. */
export function readTimeline(labels: readonly string[]): (Reading | undefined)[] {
  const read = labels.map(readLabel);
  const main = read.find((label) => label && label.clock !== 'present')?.clock ?? 'calendar';
  const now = {
    calendar: 2026,
    deep: 0,
    elapsed: Number.POSITIVE_INFINITY,
    age: Number.POSITIVE_INFINITY,
    present: 2026,
  }[main];
  return read.map((label) => (label?.clock === 'present' ? { clock: main, value: now } : label));
}

function clockFits(clock: Clock, labels: (Reading | undefined)[]): string | undefined {
  if (labels.some((label) => label === undefined)) return 'a timeline label is unreadable';
  const read = labels as Reading[];
  const clocks = new Set(read.map((label) => label.clock));
  if (clocks.size > 1) return `the timeline mixes clocks: ${[...clocks].join(', ')}`;
  const only = read[0]!.clock;
  const span = read.at(-1)!.value - read[0]!.value;
  switch (clock) {
    case 'hours': {
      const longest = Math.max(...read.map((label) => label.value));
      if (only !== 'elapsed') return `a short event on a ${only} clock`;
      return longest <= 8760 ? undefined : 'a short event told over more than a year';
    }
    case 'calendar':
      return only === 'calendar' ? undefined : `expected calendar years, got a ${only} clock`;
    case 'centuries':
      if (only !== 'calendar') return `expected calendar years, got a ${only} clock`;
      return span >= 300 ? undefined : `a story of centuries told over ${span} years`;
    case 'deep':
      return only === 'deep' ? undefined : `expected deep time, got a ${only} clock`;
    case 'ages':
      return only === 'age' ? undefined : `a life told on a ${only} clock`;
    case 'years':
      return only === 'elapsed' || only === 'calendar' ? undefined : `expected years, got a ${only} clock`;
  }
}

const negationMarkers: Record<ScenarioLanguage, RegExp> = {
  en: /\b(not|never|no|without|n[’']t|stopped|stops|stop|ended|end|lost|loss|defeat\w*|beat|failed|gone|absence|missed|disappear\w*|vanish\w*|ceased|pause|halted|down|offline|dark|outage|went out|nobody|no one|none)\b/i,
  vi: /(không|chưa|chẳng|thua|thất bại|mất|vắng|ngừng|dừng|biến mất|đánh bại|tan rã|sập|hỏng|tắt)/i,
};

/**
 * Words that turn a story into an absence, an end or a defeat. An affirmative question that does
 * not use them must not get them in its title or point of divergence ("Sự biến mất của Hà Nội"
 * for a Hà Nội by the sea).
 */
const reversalMarkers: Record<ScenarioLanguage, RegExp> = {
  en: /\b(without|the end of|defeat(?:ed)?|never|no longer|loss of|absence|disappear\w*|vanish\w*|collapse[d]?|fall of)\b/i,
  vi: /(không có|biến mất|thất bại|chấm dứt|không còn|vắng bóng|sụp đổ|tan rã)/i,
};

/** Words that belong to one language only: met in the other, they are a pasted fragment. */
const foreignWords: Record<ScenarioLanguage, RegExp> = {
  // In a Vietnamese answer: English function words.
  vi: /(?<![\p{L}])(the|and|of|what|if|was|were|is|are|had|been|never|with|from|this|that|which|would|could|their|they|instead|into|there)(?![\p{L}])/iu,
  // In an English answer: Vietnamese function words.
  en: /(?<![\p{L}])(của|và|những|không|được|là|một|các|người|trong|đã|sẽ|với|cho|nếu|thì|này|có|chưa|bị|rằng)(?![\p{L}])/iu,
};

/** The text without the parts quoted on purpose: names and words the writer keeps as written. */
const unquoted = (text: string) => text.replace(/“[^”]*”/g, ' ');

function prose(content: ScenarioContent): string[] {
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
  ];
}

const everything = (content: ScenarioContent) => [...prose(content), content.narration];

/** What the story is about: the follow-up's focus, or the question's subject. */
const aboutOf = (trial: Trial) => trial.testCase.followUp?.focus ?? trial.testCase.subject;

function contradiction(trial: Trial, texts: readonly string[]): string | undefined {
  for (const pattern of trial.testCase.contradictions ?? []) {
    const found = texts.find((text) => pattern.test(text));
    if (found) return `says ${pattern} in “${found.slice(0, 120)}”`;
  }
  return undefined;
}

export const checks: readonly Check[] = [
  {
    name: 'schema',
    hard: true,
    description: 'the scenario passes the shared zod schema',
    run: ({ content }) => {
      const result = scenarioContentSchema.safeParse(content);
      return result.success ? undefined : result.error.issues.map((issue) => issue.path.join('.')).join(', ');
    },
  },
  {
    name: 'subject',
    hard: true,
    description:
      'the subject (a follow-up: what it asks about) is named in the premise, and in the title or the point of divergence',
    run: (trial) => {
      const about = aboutOf(trial);
      const { content } = trial;
      if (!about.test(content.premise)) return `the premise never names ${about}`;
      if (!about.test(content.title) && !about.test(content.divergence.event) && !trial.testCase.followUp)
        return `neither the title nor the divergence names ${about}`;
      return undefined;
    },
  },
  {
    name: 'polarity',
    hard: true,
    description:
      'a question that denies, stops or removes something is answered with that denial, an affirmative one never with an absence or a defeat; no contradiction anywhere',
    run: (trial) => {
      const { content, testCase, language } = trial;
      const found = contradiction(trial, everything(content));
      if (found) return found;
      if (testCase.followUp) return undefined;
      if (!testCase.negative) {
        const reversal = reversalMarkers[language];
        const asked =
          reversalMarkers.en.test(testCase.question) || reversalMarkers.vi.test(testCase.question);
        const said = [content.title, content.divergence.event].find((text) => reversal.test(text));
        return !asked && said ? `an affirmative question answered with a reversal: “${said}”` : undefined;
      }
      const markers = negationMarkers[language];
      if (!markers.test(content.divergence.event))
        return `the divergence loses the negation: “${content.divergence.event}”`;
      if (!markers.test(`${content.title} ${content.premise}`))
        return 'neither title nor premise carries the negation';
      return undefined;
    },
  },
  {
    name: 'category',
    hard: true,
    description: 'the category the service infers is the one a reader expects',
    run: ({ testCase, category }) =>
      category === testCase.category ? undefined : `filed under ${category}, expected ${testCase.category}`,
  },
  {
    name: 'time scale',
    hard: true,
    description:
      'the timeline’s units fit the event: hours for a day, centuries for an empire, deep time for evolution, ages for a life',
    run: ({ testCase, content }) =>
      clockFits(testCase.clock, readTimeline(content.timeline.map((entry) => entry.when))),
  },
  {
    name: 'chronology',
    hard: true,
    description: 'timeline dates strictly increase; a continuation starts after the entry it branches from',
    run: ({ content, parent }) => {
      const values = readTimeline(content.timeline.map((entry) => entry.when)).map(
        (label) => label?.value ?? Number.NaN,
      );
      for (let index = 1; index < values.length; index += 1) {
        if (!(values[index]! > values[index - 1]!))
          return `${content.timeline[index]!.when} does not come after ${content.timeline[index - 1]!.when}`;
      }
      if (parent) {
        const branch = parent.scenario.timeline[parent.timelineIndex]!;
        const [from] = readTimeline([branch.when, ...parent.scenario.timeline.map((entry) => entry.when)]);
        const [first] = readTimeline(content.timeline.map((entry) => entry.when));
        if (from && first && from.clock === first.clock && !(first.value > from.value))
          return `the continuation starts at ${content.timeline[0]!.when}, not after ${branch.when}`;
      }
      return undefined;
    },
  },
  {
    name: 'no repeated phrase',
    hard: true,
    description: 'no sentence says the same year or the same run of words twice ("in 1900 … in 1900")',
    run: ({ content, language }) => {
      for (const text of everything(content)) {
        for (const sentence of sentencesOf(text)) {
          const repeated = repeatedPhrase(sentence, language);
          if (repeated) return `“${repeated}” twice in “${sentence.slice(0, 160)}”`;
        }
      }
      return undefined;
    },
  },
  {
    name: 'one language',
    hard: true,
    description: 'no words of the other language outside quotation marks',
    run: ({ content, language }) => {
      for (const text of [
        ...everything(content),
        ...content.keyFigures.map((figure) => figure.name),
        ...content.tags,
      ]) {
        const match = unquoted(text).match(foreignWords[language]);
        if (match) return `“${match[0]}” in “${text.slice(0, 120)}”`;
      }
      return undefined;
    },
  },
  {
    name: 'no duplicate sentence',
    hard: true,
    description:
      'no sentence appears twice outside the narration (which retells the premise and timeline on purpose)',
    run: ({ content }) => {
      const duplicates = duplicateSentences(prose(content));
      return duplicates.length === 0 ? undefined : `“${duplicates[0]}”`;
    },
  },
  {
    name: 'title',
    hard: true,
    description:
      'the title names the subject (or the follow-up’s focus), agrees with the question and is not the question itself',
    run: (trial) => {
      const { content } = trial;
      if (!aboutOf(trial).test(content.title)) return `“${content.title}” does not name ${aboutOf(trial)}`;
      if (/what if|^nếu /i.test(content.title)) return `“${content.title}” repeats the question`;
      return contradiction(trial, [content.title]);
    },
  },
  {
    name: 'clean text',
    hard: true,
    description: 'no unfilled slots, doubled words, stray spaces or "from in 509"',
    run: ({ content }) => {
      for (const text of everything(content)) {
        const fault = assemblyFault(text);
        if (fault) return `“${fault}” in “${text.slice(0, 120)}”`;
      }
      return undefined;
    },
  },
  {
    name: 'follow-up',
    hard: true,
    description:
      'a continuation follows what it was asked about through its timeline and repeats none of its parent’s sentences',
    run: ({ testCase, content, parent }) => {
      if (!testCase.followUp || !parent) return 'n/a';
      const focus = testCase.followUp.focus;
      if (!content.timeline.some((entry) => focus.test(entry.event)))
        return `no timeline entry is about ${focus}`;
      const before = new Set(parent.scenario.timeline.flatMap((entry) => sentencesOf(entry.event)));
      const repeated = content.timeline
        .flatMap((entry) => sentencesOf(entry.event))
        .find((sentence) => before.has(sentence));
      return repeated ? `repeats its parent: “${repeated}”` : undefined;
    },
  },
  {
    name: 'across domains',
    hard: false,
    description:
      'consequences for politics, technology, culture and daily life (not expected of a life or of deep time)',
    run: ({ content, testCase }) => {
      if (testCase.clock === 'ages' || testCase.clock === 'deep') return 'n/a';
      const count = Object.keys(content.consequences.byDomain ?? {}).length;
      return count === 4 ? undefined : `${count} of 4 domains`;
    },
  },
  {
    name: 'named people',
    hard: false,
    description: 'at least two people with names, real or invented',
    run: ({ content }) =>
      content.keyFigures.filter((figure) => !/^(you|bạn)$/i.test(figure.name)).length >= 2
        ? undefined
        : 'fewer than two named people',
  },
];
