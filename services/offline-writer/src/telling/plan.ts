import type { Scenario, ScenarioLanguage, ScenarioLength } from '@what-if/contracts';
import type { Entity, NameCulture } from '../knowledge/entity';
import { english } from '../phrases/en';
import type { ByArc, ByGroup, Group, PhraseBank, Story, StoryName, Templates } from '../phrases/types';
import { vietnamese } from '../phrases/vi';
import type { Arc, Frame, TimePoint } from '../reading/frame';
import { readQuestion } from '../reading/read-question';
import type { WriterRequest } from '../request';
import {
  type Moment,
  agePoints,
  calendarPoints,
  deepPoints,
  momentOf,
  parseMoment,
  pausePoints,
  pointsAfter,
  presentYear,
  suddenPoints,
  yearsSincePoints,
} from './clock';
import { nounIsPlural, titleCase } from './english-grammar';
import { inventNames } from './names';
import type { Random } from './random';
import { type Slots, capitalizeFirst } from './template';
import { sentencesOf } from './text-checks';
import { type QuestionWords, questionWords, translate } from './words';

const banks: Record<ScenarioLanguage, PhraseBank> = { en: english, vi: vietnamese };

export interface Figure {
  name: string;
  role: string;
}

/** Where a continuation picks up: the parent's moment, title and sentences it must not repeat. */
export interface Branch {
  when: string;
  toldBefore: ReadonlySet<string>;
}

/** Everything decided before the first word is written. */
export interface Plan {
  request: WriterRequest;
  language: ScenarioLanguage;
  /** The question's frame; for a continuation, the parent question's, which the world is built on. */
  frame: Frame;
  words: QuestionWords;
  bank: PhraseBank;
  story: Story;
  storyName: StoryName;
  /** The domain story whose consequences a continuation borrows. */
  worldStory: Story;
  group: Group;
  stages: readonly number[];
  moments: Moment[];
  motifs: string[];
  figures: Figure[];
  /** Sentences of what the subject's absence does, told in order by the timeline. */
  facts: string[];
  family: 'world' | 'nature' | 'life';
  branch?: Branch;
  slots: Slots;
  /** Whether a slot's value takes a plural verb, for `[is|are]` in English templates. */
  plural: (name: string, value: string) => boolean;
}

/** Which of the eight stages a scenario tells; every choice keeps stage 3, where a pause ends. */
const stagesByLength: Record<ScenarioLength, readonly (readonly number[])[]> = {
  short: [
    [0, 1, 3, 5, 7],
    [0, 2, 3, 5, 7],
  ],
  standard: [
    [0, 1, 2, 3, 5, 6, 7],
    [0, 1, 2, 3, 4, 6, 7],
    [0, 1, 3, 4, 5, 6, 7],
  ],
  long: [[0, 1, 2, 3, 4, 5, 6, 7]],
};

export function groupOf(arc: Arc): Group {
  switch (arc) {
    case 'absent':
    case 'ended':
      return 'without';
    case 'paused':
      return 'pause';
    case 'won':
    case 'lost':
      return 'victory';
    case 'chose':
      return 'choice';
    default:
      return 'with';
  }
}

/** The templates for a group, falling back to the nearest group that has some. */
export function forGroup(templates: ByGroup, group: Group): Templates {
  const chain: Record<Group, (Group | 'any')[]> = {
    pause: ['pause', 'without', 'any'],
    without: ['without', 'any'],
    victory: ['victory', 'with', 'any'],
    with: ['with', 'any'],
    choice: ['choice', 'any'],
  };
  for (const key of chain[group]) {
    const found = templates[key];
    if (found && found.length > 0) return found;
  }
  return [];
}

export function forArc(templates: ByArc, arc: Arc): Templates {
  return templates[arc] ?? templates.any ?? [];
}

/** The entity that gives the story its date, its motifs and its people. */
function leadingEntity(frame: Frame): Entity | undefined {
  return frame.subject.entity ?? frame.object?.entity ?? frame.agent?.entity ?? frame.place?.entity;
}

const instantKinds = new Set(['process', 'body', 'substance']);

/** The eight points of the story's clock, before any are skipped. */
function clockOf(frame: Frame, random: Random): TimePoint[] {
  if (frame.personal) return agePoints(frame.age ?? 18);
  if (frame.duration) return pausePoints(frame.duration) ?? suddenPoints();
  const entity = leadingEntity(frame);
  if (
    frame.domain === 'nature' &&
    frame.arc === 'ended' &&
    !frame.when &&
    entity &&
    instantKinds.has(entity.kind)
  )
    return suddenPoints();
  const when = frame.when ?? (frame.arc === 'gained' && frame.domain === 'nature' ? undefined : entity?.time);
  if (when?.scale === 'deep') return deepPoints(when.yearsAgo);
  if (when?.scale === 'year') {
    const end = when.year < presentYear - 40 ? presentYear : when.year + 50;
    return calendarPoints(when.year, end, random);
  }
  return yearsSincePoints(frame.domain === 'history' || frame.domain === 'places');
}

function storyNameOf(frame: Frame, points: readonly TimePoint[]): StoryName {
  if (frame.personal) return 'personal';
  const first = points[0]!;
  const short = first.scale === 'elapsed' && first.unit !== 'year';
  // A desert greening or a river moving is a story of nature, not of capitals and markets.
  const natural =
    frame.domain === 'nature' || (frame.domain === 'places' && Boolean(leadingEntity(frame)?.physical));
  if (natural) {
    if (first.scale === 'deep' && first.yearsAgo >= 1_000_000) return 'nature-deep';
    return short ? 'nature-short' : 'nature';
  }
  if (short) return 'disruption';
  if (frame.domain === 'personal') return 'society';
  // Before the modern age there are no headlines, investors or unions: an old invention or
  // custom is told as history, with envoys, laws and trade. Culture's story fits every age.
  const premodern = first.scale === 'year' ? first.year < 1700 : first.scale === 'deep';
  if (premodern && (frame.domain === 'technology' || frame.domain === 'society')) return 'history';
  return frame.domain;
}

function familyOf(storyName: StoryName): Plan['family'] {
  if (storyName === 'personal') return 'life';
  return storyName.startsWith('nature') ? 'nature' : 'world';
}

/** Invented people are named after the culture the story is set in, not the language it is told in. */
function cultureOf(frame: Frame, language: ScenarioLanguage): NameCulture {
  return (
    frame.place?.entity?.culture ??
    leadingEntity(frame)?.culture ??
    (language === 'vi' ? 'vietnamese' : 'english')
  );
}

/** Real people only when the story is set in their lifetime; otherwise, invented ones. */
function chooseFigures(
  frame: Frame,
  story: Story,
  bank: PhraseBank,
  length: ScenarioLength,
  language: ScenarioLanguage,
  explicitlyElsewhen: boolean,
  random: Random,
): Figure[] {
  const wanted = { short: 2, standard: 3, long: 5 }[length];
  const figures: Figure[] = [];
  if (frame.personal)
    figures.push({ name: language === 'vi' ? 'Bạn' : 'You', role: random.pick(bank.figures.youRole) });
  const known = frame.personal || explicitlyElsewhen ? [] : (leadingEntity(frame)?.figures ?? []);
  const twists = random.shuffle(bank.figures.knownTwist);
  known.slice(0, wanted).forEach((figure, index) => {
    figures.push({
      name: capitalizeFirst(figure.name[language]),
      role: twists[index % twists.length]!.replace('{historicRole}', figure.role[language]),
    });
  });
  // Never more invented people than distinct roles: two people with one role read as a copy.
  const missing = Math.min(Math.max(frame.personal ? 3 : 2, wanted) - figures.length, story.roles.length);
  if (missing > 0) {
    const names = inventNames(cultureOf(frame, language), missing, random);
    const roles = frame.personal ? story.roles.slice(0, missing) : random.sample(story.roles, missing);
    names.forEach((name, index) => figures.push({ name, role: roles[index]! }));
  }
  return figures.slice(0, 8);
}

/** Whether the question sets the story far from the entity's own time, where its people did not live. */
function elsewhen(frame: Frame): boolean {
  const known = leadingEntity(frame)?.time;
  if (!frame.when || !known) return false;
  if (known.scale !== 'year' || frame.when.scale !== 'year') return true;
  return Math.abs(known.year - frame.when.year) > 40;
}

/** Whether a story set at `point` is more than a lifetime away from `known`, the entity's own time. */
function farFrom(known: TimePoint | undefined, point: TimePoint): boolean {
  if (!known) return false;
  if (known.scale !== 'year' || point.scale !== 'year') return known.scale !== point.scale;
  return Math.abs(known.year - point.year) > 60;
}

/** Continuations: the parent's frame and words, the follow-up's focus, and where the story picks up. */
function continuationOf(request: WriterRequest, language: ScenarioLanguage, random: Random) {
  const parent = request.parent!;
  const scenario: Scenario = parent.scenario;
  const entry = scenario.timeline[parent.timelineIndex] ?? scenario.timeline.at(-1)!;
  const point: TimePoint = parseMoment(entry.when) ?? { scale: 'year', year: presentYear };
  const parentFrame = readQuestion(scenario.question);
  const followUp = readQuestion(request.question);
  const focusPhrase = followUp.followUp
    ? followUp.followUp.focus
    : followUp.subject.text
      ? followUp.subject
      : undefined;
  const parentWords = questionWords(parentFrame, language);
  const focus = focusPhrase
    ? followUp.language === language
      ? focusPhrase.text
      : translate(focusPhrase.text, followUp.language, language)
    : parentWords.subject;
  const focusEntity = focusPhrase?.entity;
  const spoken = momentOf(point, language);
  const toldBefore = new Set(scenario.timeline.flatMap((told) => sentencesOf(told.event)));
  return {
    parentFrame,
    parentWords,
    focus,
    focusEntity,
    points: pointsAfter(point, random),
    branch: { when: entry.when, toldBefore },
    slots: {
      focus,
      parentWhen: spoken.spoken,
      parentLabel: nounOf(spoken, language),
      parentTitle: scenario.language === language ? scenario.title : undefined,
    },
  };
}

/** A moment as a noun phrase for "from … to …": calendar labels keep their capital, others read as words. */
function nounOf(moment: Moment, language: ScenarioLanguage): string {
  if (language === 'en' && moment.point.scale === 'year') return moment.label;
  if (moment.point.scale === 'year' && language === 'vi') return moment.spoken;
  return moment.label[0]!.toLocaleLowerCase() + moment.label.slice(1);
}

function sameTime(a: TimePoint, b: TimePoint): boolean {
  return (
    (a.scale === 'year' && b.scale === 'year' && a.year === b.year) ||
    (a.scale === 'deep' && b.scale === 'deep' && a.yearsAgo === b.yearsAgo)
  );
}

export function planScenario(request: WriterRequest, random: Random): Plan {
  const language = request.language;
  const bank = banks[language];
  const continuation = request.parent ? continuationOf(request, language, random) : undefined;
  const frame = continuation ? continuation.parentFrame : readQuestion(request.question);
  const words = continuation ? continuation.parentWords : questionWords(frame, language);
  const points = continuation ? continuation.points : clockOf(frame, random);
  const domainStoryName = storyNameOf(frame, points);
  const storyName: StoryName = continuation ? 'continuation' : domainStoryName;
  const story = bank.stories[storyName];
  const worldStory = bank.stories[domainStoryName];
  const group = groupOf(frame.arc);
  const stages = random.pick(stagesByLength[request.length]);
  const moments = stages.map((stage) => momentOf(points[stage]!, language));
  const entity = continuation?.focusEntity ?? leadingEntity(frame);
  // A disruption happens now: it names hospitals and banks, not the subject's history.
  const ownMotifs =
    entity !== undefined &&
    !frame.personal &&
    domainStoryName !== 'disruption' &&
    entity.motifs[language].length >= 3;
  const motifs = random.shuffle(ownMotifs ? entity.motifs[language] : worldStory.motifs);
  // People of the parent's time do not walk into a continuation set generations later.
  const farFromThem = continuation ? farFrom(leadingEntity(frame)?.time, points[0]!) : elsewhen(frame);
  const figures = chooseFigures(frame, worldStory, bank, request.length, language, farFromThem, random);
  const people = figures.filter((figure) => figure.name !== 'You' && figure.name !== 'Bạn');
  const facts =
    (group === 'without' || group === 'pause') && !continuation
      ? (frame.subject.entity?.withoutIt?.[language] ?? [])
      : [];
  const recordedEntity = frame.subject.entity ?? frame.object?.entity;
  const recordedTime = recordedEntity?.time;
  const datedClause = [
    words.clause,
    frame.arc === 'paused' && words.duration
      ? language === 'vi'
        ? `trong ${words.duration}`
        : `for ${words.duration}`
      : '',
    frame.arc === 'arrived' && frame.when ? momentOf(frame.when, language).spoken : '',
  ]
    .filter(Boolean)
    .join(' ');
  const slots: Record<string, string | undefined> = {
    subject: words.subject,
    clause: words.clause,
    datedClause,
    change: words.change,
    winner: words.winner,
    loser: words.loser,
    role: words.role || undefined,
    duration: words.duration || undefined,
    path: words.path,
    otherPath: words.otherPath,
    startLabel: nounOf(moments[0]!, language),
    endLabel: nounOf(moments.at(-1)!, language),
    // What history records is worth contrasting only where the story starts from it, or moves it.
    recorded:
      !frame.personal && recordedTime && (frame.arc === 'arrived' || sameTime(recordedTime, points[0]!))
        ? recordedEntity?.recorded?.[language]
        : undefined,
    recordedWhen: recordedTime ? momentOf(recordedTime, language).spoken : undefined,
    figure: people[0]?.name ?? figures[0]?.name,
    secondFigure: people[1]?.name ?? people[0]?.name ?? figures[0]?.name,
    ...(continuation?.slots ?? {}),
  };
  return {
    request,
    language,
    frame,
    words,
    bank,
    story,
    storyName,
    worldStory,
    group,
    stages,
    moments,
    motifs,
    figures,
    facts,
    family: familyOf(domainStoryName),
    ...(continuation ? { branch: continuation.branch } : {}),
    slots,
    plural: (_name, value) =>
      language === 'en' && (value === words.subject ? words.plural : nounIsPlural(value)),
  };
}

/** An English title is title-cased; a Vietnamese one keeps the words as they are. */
export function headline(text: string, language: ScenarioLanguage): string {
  return language === 'en' ? titleCase(text).replace(/^the /, 'The ') : text;
}
