import type { ScenarioContent } from '@what-if/contracts';
import { plausibilityScore } from './plausibility';
import type { Random } from './random';
import type { ScenarioPlan } from './scenario-plan';
import { continueSentence, fill, type Slots } from './template';

const titleLimit = 140;
const eventLimit = 600;
const whenLimit = 80;
const consequenceLimit = 1_200;
const domainLimit = 800;
const assumptionLimit = 400;
const narrationLimit = 2_900;

/** Three motifs for the n-th passage, rotating so neighbouring passages name different things. */
function motifSlots(plan: ScenarioPlan, passage: number): Slots {
  const motifs = plan.motifs.length > 0 ? plan.motifs : [plan.facts.subject];
  const at = (offset: number) => motifs[(passage * 2 + offset) % motifs.length]!;
  return { m1: at(0), m2: at(1), m3: at(2) };
}

function write(plan: ScenarioPlan, template: string, passage: number, extra: Slots = {}): string {
  return fill(template, { ...plan.slots, ...motifSlots(plan, passage), ...extra });
}

function sentencesRepeat(text: string, toldBefore: ReadonlySet<string>): boolean {
  return text.split(/(?<=[.!?])\s+/).some((sentence) => toldBefore.has(sentence));
}

/** Hands out a tone's asides, each at most once: a repeated quip stops being a voice and becomes a tic. */
function asideQueue(plan: ScenarioPlan, random: Random): (passage: number) => string | undefined {
  const queue = random.shuffle(plan.bank.asides[plan.family][plan.request.tone]);
  return (passage) => {
    const aside = queue.pop();
    return aside === undefined ? undefined : write(plan, aside, passage);
  };
}

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export function composeTitle(plan: ScenarioPlan, random: Random): string {
  const { bank, facts, branch, request } = plan;
  const kind = facts.personal ? 'became' : facts.kind;
  const base = write(plan, random.pick(bank.titles[kind]), 0);
  // A life gets no subtitle: "A World Remade" would overstate one person's choice.
  const subtitled = plan.family !== 'life' && !base.includes(':') && random.chance(0.6);
  const title = branch
    ? write(plan, random.pick(bank.continuation.title), 0, { base })
    : subtitled
      ? `${base}: ${random.pick(bank.titleSubtitles[request.tone])}`
      : base;
  return clip(title.length <= titleLimit ? title : base, titleLimit);
}

/** The gazetteer knows what really happened at this date, so the text can contrast it. */
function contrastsRecordedHistory(plan: ScenarioPlan): boolean {
  const anchor = plan.facts.anchor;
  return (
    anchor !== undefined &&
    !plan.facts.personal &&
    (anchor.time.scale === 'year' || anchor.time.scale === 'deep')
  );
}

export function composePremise(plan: ScenarioPlan, random: Random): string {
  const { bank, facts, branch, family, request } = plan;
  const anchored = contrastsRecordedHistory(plan);
  const opening = branch
    ? random.pick(bank.continuation.premise)
    : anchored
      ? random.pick(bank.premise.anchored)
      : random.pick(bank.premise.free[family]);
  const stakes = random.sample(bank.premise.stakes[facts.domain], request.length === 'long' ? 2 : 1);
  const parts = [
    write(plan, opening, 0),
    ...stakes.map((template, index) => write(plan, template, index + 1)),
  ];
  if (request.length !== 'short') parts.push(write(plan, random.pick(bank.premise.scope[request.tone]), 0));
  return clip(parts.join(' '), 1_200);
}

export function composeDivergence(plan: ScenarioPlan, random: Random): ScenarioContent['divergence'] {
  const { bank, branch, family } = plan;
  if (branch)
    return {
      when: branch.when,
      event: clip(write(plan, random.pick(bank.continuation.divergence), 0), eventLimit),
    };
  const anchored = contrastsRecordedHistory(plan);
  const template = anchored
    ? random.pick(bank.divergence.anchored)
    : random.pick(bank.divergence.free[family]);
  return { when: plan.moments[0]!.label, event: clip(write(plan, template, 0), eventLimit) };
}

export function composeTimeline(plan: ScenarioPlan, random: Random): ScenarioContent['timeline'] {
  const { bank, family, branch, request } = plan;
  const nextAside = asideQueue(plan, random);
  const asideRate = { short: 0.3, standard: 0.4, long: 0.55 }[request.length];
  return plan.stages.map((stage, index) => {
    const templates = branch && index === 0 ? bank.continuation.firstEntry : bank.timeline[family][stage]!;
    let event = write(plan, random.pick(templates), index);
    // A continuation that repeats its parent word for word reads as a glitch: try the stage's other phrasings.
    for (const alternative of random.shuffle(templates)) {
      if (!branch || !sentencesRepeat(event, branch.toldBefore)) break;
      event = write(plan, alternative, index);
    }
    const last = index === plan.stages.length - 1;
    const aside = !last && random.chance(asideRate) ? nextAside(index) : undefined;
    if (aside) event = `${event} ${aside}`;
    return { when: clip(plan.moments[index]!.label, whenLimit), event: clip(event, eventLimit) };
  });
}

export function composeConsequences(plan: ScenarioPlan, random: Random): ScenarioContent['consequences'] {
  const { bank, family, request } = plan;
  const sentences = request.length === 'long' ? 2 : 1;
  const horizon = (templates: readonly string[], passage: number) =>
    clip(
      random
        .sample(templates, sentences)
        .map((template, index) => write(plan, template, passage + index))
        .join(' '),
      consequenceLimit,
    );
  const consequences: ScenarioContent['consequences'] = {
    immediate: horizon(bank.consequences[family].immediate, 0),
    shortTerm: horizon(bank.consequences[family].shortTerm, 1),
    longTerm: horizon(bank.consequences[family].longTerm, 2),
  };
  // Politics and technology make sense for a world; a prehistoric biosphere or one life has neither.
  if (family === 'world') {
    consequences.byDomain = {
      politics: clip(write(plan, random.pick(bank.byDomain.politics), 3), domainLimit),
      technology: clip(write(plan, random.pick(bank.byDomain.technology), 4), domainLimit),
      culture: clip(write(plan, random.pick(bank.byDomain.culture), 5), domainLimit),
      dailyLife: clip(write(plan, random.pick(bank.byDomain.dailyLife), 6), domainLimit),
    };
  }
  return consequences;
}

export function composeKeyFigures(plan: ScenarioPlan): ScenarioContent['keyFigures'] {
  return plan.figures.map((figure, index) => ({
    name: clip(figure.name, 120),
    role: clip(write(plan, figure.role, index), 400),
  }));
}

export function composePlausibility(plan: ScenarioPlan, random: Random): ScenarioContent['plausibility'] {
  const { bank, facts, family, request } = plan;
  const count = { short: 2, standard: 3, long: 4 }[request.length];
  const candidates = [
    ...random.shuffle(bank.plausibility.byKind[facts.personal ? 'became' : facts.kind]),
    ...random.shuffle(bank.plausibility.byFamily[family]),
  ];
  return {
    score: plausibilityScore(facts),
    assumptions: candidates
      .slice(0, count)
      .map((template, index) => clip(write(plan, template, index), assumptionLimit)),
  };
}

/** Every template's first literal word: those may be lower-cased when a sentence runs on. */
function ordinaryFirstWords(plan: ScenarioPlan): Set<string> {
  const words = new Set<string>(['you', 'bạn']);
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      const first = value.split(/[\s,:;]/)[0] ?? '';
      if (!first.startsWith('{')) words.add(first.toLocaleLowerCase());
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(plan.bank.timeline);
  collect(plan.bank.continuation.firstEntry);
  const subjectFirst = plan.facts.subject.split(' ')[0] ?? '';
  if (subjectFirst === subjectFirst.toLocaleLowerCase()) words.add(subjectFirst);
  return words;
}

/** A script to be read aloud: an opening, the premise, the timeline as running prose, a closing. */
export function composeNarration(
  plan: ScenarioPlan,
  content: Pick<ScenarioContent, 'premise' | 'timeline'>,
  random: Random,
): string {
  const { bank, request } = plan;
  const tone = request.tone;
  const ordinary = ordinaryFirstWords(plan);
  const bridges = random.shuffle(bank.narration.bridge[tone]);
  const firstPremiseSentences =
    content.premise
      .match(/[^.!?]+[.!?]+/g)
      ?.slice(0, 2)
      .map((sentence) => sentence.trim())
      .join(' ') ?? content.premise;
  const spokenEntries = content.timeline.map((entry, index) => {
    const spoken = plan.moments[index]!.spoken;
    const sentence = continueSentence(entry.event, ordinary);
    if (index === 0) return `${spoken[0]!.toLocaleUpperCase()}${spoken.slice(1)}, ${sentence}`;
    const bridge = bridges[(index - 1) % bridges.length]!;
    return `${bridge} ${spoken}, ${sentence}`;
  });
  const opening = write(plan, random.pick(bank.narration.opening[tone]), 0);
  const closing = write(plan, random.pick(bank.narration.closing[tone]), 0);
  const assemble = (entries: string[]) => [opening, firstPremiseSentences, ...entries, closing].join(' ');
  let entries = spokenEntries;
  // Drop middle entries, never the first or last, until the script fits the video's length.
  while (assemble(entries).length > narrationLimit && entries.length > 2) {
    entries = [
      ...entries.slice(0, Math.floor(entries.length / 2)),
      ...entries.slice(Math.floor(entries.length / 2) + 1),
    ];
  }
  return clip(assemble(entries), narrationLimit);
}

function asTag(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .slice(0, 40)
    .trim();
}

export function composeTags(plan: ScenarioPlan): string[] {
  const { bank, facts, family, request } = plan;
  const candidates = [
    facts.personal ? plan.slots.path! : facts.subject,
    facts.anchor?.name[facts.language] ?? '',
    ...bank.tags.family[family],
    bank.tags.domain[facts.domain],
    bank.tags.tone[request.tone],
  ];
  const tags = [...new Set(candidates.map(asTag).filter((tag) => tag.length > 0))];
  return tags.slice(0, 10);
}
