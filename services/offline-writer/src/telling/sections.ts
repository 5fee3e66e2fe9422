import type { ScenarioContent } from '@what-if/contracts';
import type { ByGroup, Templates } from '../phrases/types';
import { plausibilityScore } from './plausibility';
import { type Plan, forArc, forGroup, headline } from './plan';
import type { Random } from './random';
import { continueSentence, fill, type Slots } from './template';
import { assemblyFault, normalizedSentence, repeatedPhrase, sentencesOf } from './text-checks';

const limits = {
  title: 140,
  premise: 1_200,
  event: 600,
  when: 80,
  consequence: 1_200,
  domain: 800,
  assumption: 400,
  narration: 2_900,
  name: 120,
  role: 400,
};

/**
 * What the scenario has said so far, so no sentence is said twice, and the sentences a
 * continuation's parent said, which it must not repeat either.
 */
export class Told {
  private readonly sentences = new Set<string>();

  constructor(before: Iterable<string> = []) {
    for (const sentence of before) this.sentences.add(normalizedSentence(sentence));
  }

  repeats(text: string): boolean {
    return sentencesOf(text).some((sentence) => this.sentences.has(normalizedSentence(sentence)));
  }

  add(text: string): void {
    for (const sentence of sentencesOf(text)) this.sentences.add(normalizedSentence(sentence));
  }
}

/** Three motifs for the n-th passage, rotating so neighbouring passages name different things. */
function motifSlots(plan: Plan, passage: number): Slots {
  const motifs = plan.motifs;
  const at = (offset: number) => motifs[(passage * 2 + offset) % motifs.length]!;
  return { motif: at(0), secondMotif: at(1), thirdMotif: at(2) };
}

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

/** A text is fit to keep when every sentence is clean and none repeats one said before. */
function fit(text: string, plan: Plan, told: Told): boolean {
  if (told.repeats(text)) return false;
  if (assemblyFault(text)) return false;
  return sentencesOf(text).every((sentence) => !repeatedPhrase(sentence, plan.language));
}

/**
 * The first of the templates, in a random order, that fills and reads cleanly; if none does,
 * the first that fills at all (the evaluation will flag it).
 */
function compose(
  plan: Plan,
  templates: Templates,
  passage: number,
  random: Random,
  told: Told,
  extra: Slots = {},
): string | undefined {
  let fallback: string | undefined;
  for (const template of random.shuffle(templates)) {
    const text = fill(template, { ...plan.slots, ...motifSlots(plan, passage), ...extra }, plan.plural);
    if (text === undefined) continue;
    if (fit(text, plan, told)) {
      told.add(text);
      return text;
    }
    fallback ??= text;
  }
  if (fallback) told.add(fallback);
  return fallback;
}

const byGroup = (plan: Plan, templates: ByGroup) => forGroup(templates, plan.group);

export function composeTitle(plan: Plan, random: Random, told: Told): string {
  const { bank, frame, request, language } = plan;
  const templates = plan.branch ? bank.continuation.title : bank.titles[frame.arc];
  const base = compose(plan, templates, 0, random, told) ?? plan.words.subject;
  const title = headline(base, language);
  const subtitled = !plan.branch && plan.family !== 'life' && !title.includes(':') && random.chance(0.5);
  const full = subtitled ? `${title}: ${random.pick(bank.subtitles[request.tone])}` : title;
  return clip(full.length <= limits.title ? full : title, limits.title);
}

export function composePremise(plan: Plan, random: Random, told: Told): string {
  const { bank, frame, story, request } = plan;
  const opening = plan.branch
    ? compose(plan, bank.continuation.premise, 0, random, told)
    : (plan.slots['recorded'] && compose(plan, forArc(bank.premise.anchored, frame.arc), 0, random, told)) ||
      compose(plan, forArc(bank.premise.free, frame.arc), 0, random, told);
  const stakes = compose(plan, byGroup(plan, story.stakes), 1, random, told);
  const parts = [opening, stakes];
  if (request.length !== 'short')
    parts.push(compose(plan, bank.premise.scope[request.tone], 0, random, told));
  return clip(parts.filter(Boolean).join(' '), limits.premise);
}

export function composeDivergence(plan: Plan, random: Random, told: Told): ScenarioContent['divergence'] {
  const event = compose(plan, byGroup(plan, plan.story.divergence), 0, random, told) ?? plan.words.clause;
  const when = plan.branch ? plan.branch.when : plan.moments[0]!.label;
  return { when: clip(when, limits.when), event: clip(event, limits.event) };
}

/** Hands out a tone's asides, each at most once: a repeated quip stops being a voice and becomes a tic. */
function asideQueue(plan: Plan, random: Random): string[] {
  return random.shuffle(plan.bank.asides[plan.family][plan.request.tone]);
}

export function composeTimeline(plan: Plan, random: Random, told: Told): ScenarioContent['timeline'] {
  const { story, stages, request } = plan;
  const asides = asideQueue(plan, random);
  const asideRate = { short: 0.25, standard: 0.35, long: 0.5 }[request.length];
  const facts = [...plan.facts];
  return stages.map((stage, index) => {
    const templates = byGroup(plan, story.stages[stage]!);
    let event = compose(plan, templates, index, random, told) ?? plan.words.clause;
    // What the subject's absence does, in order, after the opening and apart from a pause's end.
    const last = index === stages.length - 1;
    if (index > 0 && !last && !(plan.group === 'pause' && stage === 3) && facts.length > 0) {
      const fact = facts.shift()!;
      if (!told.repeats(fact)) {
        event = `${event} ${fact}`;
        told.add(fact);
      }
    } else if (!last && random.chance(asideRate) && asides.length > 0) {
      const aside = fill(asides.pop()!, { ...plan.slots, ...motifSlots(plan, index) }, plan.plural);
      if (aside && fit(aside, plan, told)) {
        event = `${event} ${aside}`;
        told.add(aside);
      }
    }
    return { when: clip(plan.moments[index]!.label, limits.when), event: clip(event, limits.event) };
  });
}

export function composeConsequences(plan: Plan, random: Random, told: Told): ScenarioContent['consequences'] {
  const story = plan.branch ? plan.story : plan.worldStory;
  const horizon = (templates: ByGroup, passage: number) =>
    clip(
      compose(plan, byGroup(plan, templates), passage, random, told) ?? plan.words.change,
      limits.consequence,
    );
  const consequences: ScenarioContent['consequences'] = {
    immediate: horizon(story.consequences.immediate, 0),
    shortTerm: horizon(story.consequences.shortTerm, 1),
    longTerm: horizon(story.consequences.longTerm, 2),
  };
  const domains = plan.worldStory.byDomain;
  if (domains) {
    const byDomain: NonNullable<ScenarioContent['consequences']['byDomain']> = {};
    const write = (name: keyof typeof domains, passage: number) => {
      const text = compose(plan, byGroup(plan, domains[name]), passage, random, told);
      if (text) byDomain[name] = clip(text, limits.domain);
    };
    write('politics', 3);
    write('technology', 4);
    write('culture', 5);
    write('dailyLife', 6);
    if (Object.keys(byDomain).length > 0) consequences.byDomain = byDomain;
  }
  return consequences;
}

export function composeKeyFigures(plan: Plan, random: Random, told: Told): ScenarioContent['keyFigures'] {
  return plan.figures.map((figure, index) => ({
    name: clip(figure.name, limits.name),
    role: clip(compose(plan, [figure.role], index, random, told) ?? figure.role, limits.role),
  }));
}

export function composePlausibility(plan: Plan, random: Random, told: Told): ScenarioContent['plausibility'] {
  const count = { short: 2, standard: 3, long: 4 }[plan.request.length];
  const story = plan.worldStory;
  const candidates = [
    ...random.shuffle(byGroup(plan, story.assumptions)),
    ...random.shuffle(story.assumptions.any ?? []),
  ];
  const assumptions: string[] = [];
  for (const template of new Set(candidates)) {
    if (assumptions.length === count) break;
    const text = compose(plan, [template], assumptions.length, random, told);
    if (text) assumptions.push(clip(text, limits.assumption));
  }
  return { score: plausibilityScore(plan.frame), assumptions };
}

/** Every template's first literal word: those may be lower-cased when a sentence runs on. */
function ordinaryFirstWords(plan: Plan): Set<string> {
  const words = new Set<string>(['you', 'bạn']);
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      const first = value.split(/[\s,:;]/)[0] ?? '';
      if (!first.startsWith('{')) words.add(first.toLocaleLowerCase());
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(plan.story.stages);
  for (const value of [
    plan.words.subject,
    plan.words.winner,
    plan.words.clause,
    plan.words.change,
    plan.slots['focus'] ?? '',
  ]) {
    const first = value.split(' ')[0] ?? '';
    if (first.length > 0 && first === first.toLocaleLowerCase()) words.add(first);
  }
  return words;
}

/** A script to be read aloud: an opening, the premise, the timeline as running prose, a closing. */
export function composeNarration(
  plan: Plan,
  content: Pick<ScenarioContent, 'premise' | 'timeline'>,
  random: Random,
): string {
  const { bank, request } = plan;
  const tone = request.tone;
  const ordinary = ordinaryFirstWords(plan);
  const bridges = random.shuffle(bank.narration.bridge[tone]);
  const premise = sentencesOf(content.premise).slice(0, 2).join(' ');
  const spokenEntries = content.timeline.map((entry, index) => {
    const spoken = plan.moments[index]!.spoken;
    // "Today the living world…" already says when: "Then, today, today…" would stutter.
    const saysWhen = entry.event.toLocaleLowerCase().includes(spoken.toLocaleLowerCase());
    const sentence = saysWhen ? entry.event : continueSentence(entry.event, ordinary);
    if (index === 0)
      return saysWhen ? sentence : `${spoken[0]!.toLocaleUpperCase()}${spoken.slice(1)}, ${sentence}`;
    const bridge = bridges[(index - 1) % bridges.length]!;
    return saysWhen
      ? `${bridge} ${continueSentence(sentence, ordinary)}`
      : `${bridge} ${spoken}, ${sentence}`;
  });
  const opening = fill(random.pick(bank.narration.opening[tone]), plan.slots) ?? '';
  const closing = fill(random.pick(bank.narration.closing[tone]), plan.slots) ?? '';
  const assemble = (entries: string[]) => [opening, premise, ...entries, closing].filter(Boolean).join(' ');
  let entries = spokenEntries;
  // Drop middle entries, never the first or last, until the script fits the video's length.
  while (assemble(entries).length > limits.narration && entries.length > 2) {
    entries = [
      ...entries.slice(0, Math.floor(entries.length / 2)),
      ...entries.slice(Math.floor(entries.length / 2) + 1),
    ];
  }
  return clip(assemble(entries), limits.narration);
}

function asTag(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40)
    .trim();
}

export function composeTags(plan: Plan): string[] {
  const { bank, frame, request, words } = plan;
  const entity = frame.subject.entity;
  const candidates = [
    frame.personal ? words.path : words.subject,
    plan.slots['focus'] ?? '',
    entity ? entity.name[plan.language] : '',
    bank.tags.domain[frame.domain],
    bank.tags.group[plan.group],
    bank.tags.tone[request.tone],
  ];
  return [...new Set(candidates.map(asTag).filter((tag) => tag.length > 0))].slice(0, 10);
}
