import type { ScenarioLanguage, ScenarioLength } from '@what-if/contracts';
import { analyzeQuestion, presentYear, type QuestionFacts, type TimePoint } from './analysis';
import type { WriterRequest as GenerationRequest } from './request';
import { chronology, describe, momentOf, type Moment } from './chronology';
import { pathOf, simplePast, titleCase } from './english-grammar';
import { parseMoment } from './moment-parser';
import { inventNames } from './names';
import { english } from './phrases/en';
import type { PhraseBank, StoryFamily } from './phrases/types';
import { vietnamese } from './phrases/vi';
import type { Random } from './random';
import type { Slots } from './template';

const banks: Record<ScenarioLanguage, PhraseBank> = { en: english, vi: vietnamese };

/** Which of the eight stages a scenario tells: short ones skip the middle of the story. */
const stagesByLength: Record<ScenarioLength, readonly (readonly number[])[]> = {
  short: [
    [0, 1, 2, 4, 7],
    [0, 1, 3, 5, 7],
    [0, 2, 4, 6, 7],
  ],
  standard: [
    [0, 1, 2, 3, 4, 6, 7],
    [0, 1, 2, 4, 5, 7],
    [0, 1, 3, 4, 5, 6, 7],
  ],
  long: [[0, 1, 2, 3, 4, 5, 6, 7]],
};

export interface Figure {
  name: string;
  role: string;
}

/** Where a continuation picks up: the parent's moment and what happened then. */
export interface Branch {
  when: string;
  spoken: string;
  /** The parent's moment as a noun phrase, for "continues from …". */
  noun: string;
  event: string;
  /** The parent's own timeline sentences, which the continuation must not repeat. */
  toldBefore: ReadonlySet<string>;
}

/** Everything decided before the first word is written: facts, story shape, dates, people. */
export interface ScenarioPlan {
  request: GenerationRequest;
  facts: QuestionFacts;
  bank: PhraseBank;
  family: StoryFamily;
  stages: readonly number[];
  moments: Moment[];
  motifs: string[];
  figures: Figure[];
  /** People the timeline may mention by name as {f1} and {f2}. */
  storyNames: [string, string];
  branch?: Branch;
  /** Slots shared by every section. */
  slots: Slots;
}

function familyOf(facts: QuestionFacts): StoryFamily {
  if (facts.personal) return 'life';
  if (facts.start.scale === 'deep') return 'deep';
  return 'world';
}

function subjectForTitle(facts: QuestionFacts): string {
  // "The Age of the Steam Engine": the title's own first letter is capitalised later.
  return facts.language === 'en' ? titleCase(facts.subject).replace(/^The /, 'the ') : facts.subject;
}

/** The clause as the story tells it: past tense in English, as asked in Vietnamese. */
function pastClause(facts: QuestionFacts): string {
  if (facts.language === 'vi' || facts.change.length === 0) return facts.clause;
  return `${facts.subject} ${simplePast(facts.change, facts.subject)}`;
}

/** For a life: the road taken and the one turned down, as the life stages name them. */
function lifeSlots(facts: QuestionFacts): { path: string; pathTitle: string; otherLife: string } {
  if (facts.language === 'vi') {
    const [main = facts.change, alternative] = facts.change.split(/\s+thay vì\s+/i);
    const path = main.replace(/\s+(năm|lúc|ở tuổi|khi)\s+\d{1,2}(\s+tuổi)?$/i, '').trim();
    return {
      path,
      pathTitle: path,
      otherLife: alternative ? `con đường ${alternative}` : 'con đường bạn từ chối',
    };
  }
  const { path, alternative } = pathOf(facts.change);
  const pathTitle = titleCase(path);
  const otherLife = !alternative
    ? 'the road you turned down'
    : /^(a|an)\s/i.test(alternative)
      ? `the life of ${alternative}`
      : alternative;
  return { path, pathTitle, otherLife };
}

/**
 * What the world's story is about: a defeat, a victory or an absence rather than the bare
 * subject, so "children take it for granted" never says they take a vanished thing for granted.
 */
function storySubject(facts: QuestionFacts, family: StoryFamily): string {
  if (family !== 'world') return facts.subject;
  const vi = facts.language === 'vi';
  switch (facts.kind) {
    case 'never-existed':
      return vi ? `một thế giới không có ${facts.subject}` : `the absence of ${facts.subject}`;
    case 'won':
      return vi ? `chiến thắng của ${facts.subject}` : `the victory of ${facts.subject}`;
    case 'lost':
      return vi ? `thất bại của ${facts.subject}` : `the defeat of ${facts.subject}`;
    default:
      return facts.subject;
  }
}

function defaultEpoch(facts: QuestionFacts): string {
  if (facts.anchor?.epoch) return facts.anchor.epoch[facts.language];
  return facts.language === 'vi' ? 'biến cố' : 'the change';
}

/** Real people only when the scenario is set in their lifetime; otherwise, invented ones. */
function chooseFigures(
  plan: Pick<ScenarioPlan, 'facts' | 'family' | 'bank' | 'request'>,
  random: Random,
): Figure[] {
  const { facts, family, bank, request } = plan;
  const language = facts.language;
  const wanted = { short: 2, standard: 3, long: 5 }[request.length];
  const figures: Figure[] = [];
  if (family === 'life') {
    figures.push({ name: language === 'vi' ? 'Bạn' : 'You', role: random.pick(bank.figures.youRole) });
  }
  const anchor = facts.anchor;
  const inTheirTime =
    anchor !== undefined &&
    (!facts.explicitTime ||
      (anchor.time.scale === 'year' &&
        facts.start.scale === 'year' &&
        Math.abs(anchor.time.year - facts.start.year) <= 40));
  if (anchor && inTheirTime && family !== 'life') {
    const twists = random.shuffle(
      family === 'deep' ? bank.figures.knownTwist.deep : bank.figures.knownTwist.world,
    );
    for (const [index, figure] of anchor.figures.slice(0, wanted).entries()) {
      // The role is a template too: the other slots ({Cpast}) are filled with the rest of the scenario.
      const role = twists[index % twists.length]!.replace('{role}', figure.role[language]);
      figures.push({ name: figure.name[language], role });
    }
  }
  const missing = Math.max(family === 'life' ? 3 : 2, wanted) - figures.length;
  if (missing > 0 && family !== 'deep') {
    const names = inventNames(facts.culture, missing, random);
    // A life's people keep their story order ({f1} the first friend, {f2} the partner); a world's are shuffled.
    const roles =
      family === 'life'
        ? bank.figures.inventedRoles.life.slice(0, missing)
        : random.sample(bank.figures.inventedRoles[family], missing);
    names.forEach((name, index) => figures.push({ name, role: roles[index % roles.length] ?? roles[0]! }));
  }
  if (figures.length === 0) {
    const [name] = inventNames(language === 'vi' ? 'vietnamese' : 'english', 1, random);
    figures.push({ name: name!, role: random.pick(bank.figures.inventedRoles.deep) });
  }
  return figures.slice(0, 8);
}

function branchOf(
  request: GenerationRequest,
  language: ScenarioLanguage,
): { branch: Branch; start: TimePoint; epoch?: string } | undefined {
  const parent = request.parent;
  if (!parent) return undefined;
  const entry = parent.scenario.timeline[parent.timelineIndex] ?? parent.scenario.timeline.at(-1);
  if (!entry) return undefined;
  const parsed = parseMoment(entry.when);
  const start: TimePoint =
    parsed?.point.scale === 'deep' && parsed.point.yearsAgo === 0
      ? { scale: 'year', year: presentYear }
      : (parsed?.point ?? { scale: 'epoch', year: 0 });
  const epoch = parsed?.epoch ?? (parsed ? undefined : entry.when);
  const { spoken, noun } = momentOf(start, language, epoch ?? '');
  const event = entry.event.trim().replace(/([^.!?])$/, '$1.');
  const toldBefore = new Set(parent.scenario.timeline.flatMap((told) => told.event.split(/(?<=[.!?])\s+/)));
  return { branch: { when: entry.when, spoken, noun, event, toldBefore }, start, epoch };
}

/** "And then what happened?" asks for more of the same story rather than naming a new change. */
function isBareFollowUp(facts: QuestionFacts): boolean {
  return (
    facts.change.length === 0 ||
    /^(and\s+)?(then\s+)?(what|how|so)\b|^(và\s+)?(rồi|sau đó|tiếp theo|chuyện gì|điều gì)/i.test(
      facts.subject,
    )
  );
}

/** Decides the scenario's shape from the request and the question's facts. */
export function planScenario(request: GenerationRequest, random: Random): ScenarioPlan {
  const language = request.language;
  const bank = banks[language];
  const parentQuestion = request.parent?.scenario.question;
  const analysed = analyzeQuestion(request.question, language, request.category);
  // A bare "and then what?" names no subject of its own: the parent's question still does.
  const facts =
    parentQuestion && isBareFollowUp(analysed)
      ? { ...analyzeQuestion(parentQuestion, language, request.category), category: request.category }
      : analysed;
  const continuation = branchOf(request, language);
  const startFacts = continuation ? { ...facts, start: continuation.start } : facts;
  const family = familyOf(startFacts);
  const stages = random.pick(stagesByLength[request.length]);
  const epoch = continuation?.epoch ?? defaultEpoch(facts);
  const moments = chronology(startFacts.start, stages, language, epoch, random, continuation !== undefined);
  const motifs = random.shuffle(
    facts.anchor && !facts.personal ? facts.anchor.motifs[language] : bank.domainMotifs[facts.domain],
  );
  const Cpast = pastClause(facts);
  const recordedStart = facts.anchor
    ? describe(facts.anchor.time, language, epoch).spoken
    : moments[0]!.spoken;
  const baseSlots: Slots = {
    S: storySubject(facts, familyOf(facts)),
    Sraw: facts.subject,
    Stitle: subjectForTitle(facts),
    X: facts.change,
    Cpast,
    CpastTitle: language === 'en' ? titleCase(Cpast).replace(/^The /, 'the ') : Cpast,
    ...lifeSlots(facts),
    Headline:
      language === 'en' ? titleCase(facts.personal ? `if ${facts.clause}` : Cpast) : `Nếu ${facts.clause}`,
    start: recordedStart,
    startLabel: moments[0]!.noun,
    endLabel: moments.at(-1)!.noun,
    recorded: facts.anchor?.recorded[language] ?? Cpast,
    epoch,
    parentWhen: continuation?.branch.spoken ?? '',
    parentLabel: continuation?.branch.noun ?? '',
    parentEvent: continuation?.branch.event ?? '',
  };
  const planSoFar = { request, facts: startFacts, bank, family };
  const figures = chooseFigures(planSoFar, random);
  const storyFigures = figures.filter((figure) => figure.name !== 'You' && figure.name !== 'Bạn');
  const storyNames: [string, string] = [
    storyFigures[0]?.name ?? inventNames(startFacts.culture, 1, random)[0]!,
    storyFigures[1]?.name ?? storyFigures[0]?.name ?? inventNames(startFacts.culture, 2, random)[1]!,
  ];
  return {
    request,
    facts: startFacts,
    bank,
    family,
    stages,
    moments,
    motifs,
    figures,
    storyNames,
    branch: continuation?.branch,
    slots: { ...baseSlots, f1: storyNames[0], f2: storyNames[1] },
  };
}
