/**
 * Just enough English grammar to retell a question's clause in the simple past: "dinosaurs
 * had not gone extinct" becomes "dinosaurs did not go extinct", "the Trần dynasty had not
 * defeated the Mongols" becomes "…did not defeat the Mongols"; and to title-case a headline.
 */
const irregular: Record<string, { past: string; base: string }> = {
  become: { past: 'became', base: 'become' },
  gone: { past: 'went', base: 'go' },
  been: { past: 'was', base: 'be' },
  taken: { past: 'took', base: 'take' },
  fallen: { past: 'fell', base: 'fall' },
  chosen: { past: 'chose', base: 'choose' },
  given: { past: 'gave', base: 'give' },
  won: { past: 'won', base: 'win' },
  lost: { past: 'lost', base: 'lose' },
  left: { past: 'left', base: 'leave' },
  made: { past: 'made', base: 'make' },
  met: { past: 'met', base: 'meet' },
  kept: { past: 'kept', base: 'keep' },
  found: { past: 'found', base: 'find' },
  quit: { past: 'quit', base: 'quit' },
  grown: { past: 'grew', base: 'grow' },
  written: { past: 'wrote', base: 'write' },
  begun: { past: 'began', base: 'begin' },
  known: { past: 'knew', base: 'know' },
  built: { past: 'built', base: 'build' },
  beaten: { past: 'beat', base: 'beat' },
  held: { past: 'held', base: 'hold' },
  sunk: { past: 'sank', base: 'sink' },
  run: { past: 'ran', base: 'run' },
  come: { past: 'came', base: 'come' },
  seen: { past: 'saw', base: 'see' },
  spoken: { past: 'spoke', base: 'speak' },
  driven: { past: 'drove', base: 'drive' },
  broken: { past: 'broke', base: 'break' },
  fought: { past: 'fought', base: 'fight' },
  taught: { past: 'taught', base: 'teach' },
  brought: { past: 'brought', base: 'bring' },
  thought: { past: 'thought', base: 'think' },
  sold: { past: 'sold', base: 'sell' },
  told: { past: 'told', base: 'tell' },
  stood: { past: 'stood', base: 'stand' },
  led: { past: 'led', base: 'lead' },
  split: { past: 'split', base: 'split' },
  hit: { past: 'hit', base: 'hit' },
  had: { past: 'had', base: 'have' },
  done: { past: 'did', base: 'do' },
  got: { past: 'got', base: 'get' },
  gotten: { past: 'got', base: 'get' },
  flown: { past: 'flew', base: 'fly' },
  drawn: { past: 'drew', base: 'draw' },
  ridden: { past: 'rode', base: 'ride' },
  risen: { past: 'rose', base: 'rise' },
  shot: { past: 'shot', base: 'shoot' },
  struck: { past: 'struck', base: 'strike' },
  frozen: { past: 'froze', base: 'freeze' },
  died: { past: 'died', base: 'die' },
  lied: { past: 'lied', base: 'lie' },
  freed: { past: 'freed', base: 'free' },
  agreed: { past: 'agreed', base: 'agree' },
};

/** Regular past forms whose stem the rules below would get wrong. */
const regularExceptions: Record<string, string> = {
  developed: 'develop',
  visited: 'visit',
  edited: 'edit',
  limited: 'limit',
  exited: 'exit',
  focused: 'focus',
  defeated: 'defeat',
  treated: 'treat',
  repeated: 'repeat',
  cheated: 'cheat',
  seated: 'seat',
  heated: 'heat',
  entered: 'enter',
};

/** Endings whose stem keeps a final e: "survived" → "survive", "united" → "unite", "declared" → "declare". */
const keepsE =
  /(?:at|ut|ot|it|iz|is|v|[aiu]d|od|ag|ng|rg|dg|ns|ps|ys|[^s]s|c|ar|or|ur|ir|[bcdfgkpstz]l|ul|in|am|um|[aio]k|[aiu]p|z)ed$/;

/** "defeated" → "defeat", "survived" → "survive", "stopped" → "stop", "studied" → "study". */
export function baseOf(participle: string): string {
  const lower = participle.toLowerCase();
  const known = irregular[lower] ?? Object.values(irregular).find((forms) => forms.past === lower);
  if (known) return known.base;
  if (regularExceptions[lower]) return regularExceptions[lower];
  if (!/ed$/.test(lower)) return lower;
  if (/ied$/.test(lower)) return `${lower.slice(0, -3)}y`;
  if (/([bdgkmnprt])\1ed$/.test(lower)) return lower.slice(0, -3);
  if (/elled$/.test(lower)) return lower.slice(0, -3);
  if (/(?:ained|oined|eeded|ailed|aited|eaked|ealed|ered|ssed|lled|eed)$/.test(lower))
    return lower.slice(0, -2);
  if (keepsE.test(lower)) return lower.slice(0, -1);
  return lower.slice(0, -2);
}

function pastOf(participle: string): string {
  return irregular[participle.toLowerCase()]?.past ?? participle;
}

/**
 * Whether a subject takes "were": pronouns, and nouns ending in a plural -s, which "press",
 * "virus", "genesis" or "physics" do not.
 */
export function isPlural(subject: string): boolean {
  if (/^(you|we|they)$/i.test(subject)) return true;
  const last = subject.trim().split(/\s+/).at(-1) ?? '';
  return /s$/i.test(last) && !/(ss|us|is|ics)$/i.test(last);
}

/**
 * The predicate in the simple past: "had become a doctor" → "became a doctor"; "had not gone
 * extinct" → "did not go extinct"; "had never been colonized" → "was never colonized".
 */
export function simplePast(predicate: string, plural: boolean): string {
  const words = predicate.split(' ').filter(Boolean);
  const [first, second, third] = words.map((word) => word.toLowerCase());
  const be = plural ? 'were' : 'was';
  if (first === "hadn't") return simplePast(['had', 'not', ...words.slice(1)].join(' '), plural);
  // "What if the Sahara were still green?": the subjunctive, retold as a plain past.
  if (first === 'were' && !plural) return ['was', ...words.slice(1)].join(' ');
  if (first !== 'had' || !second) return predicate;
  // "had two moons", "had wings": possession, already in the past.
  const auxiliary =
    /^(not|never|been|still|already|also|always|just|n't)$/.test(second) ||
    irregular[second] !== undefined ||
    /(ed|en)$/.test(second);
  if (!auxiliary) return predicate;
  if ((second === 'never' || second === 'not') && third === 'been')
    return [be, second, ...words.slice(3)].join(' ');
  if (second === 'not' && third) return ['did not', baseOf(third), ...words.slice(3)].join(' ');
  if (second === 'never' && third) return ['never', pastOf(third), ...words.slice(3)].join(' ');
  if (second === 'been') return [be, ...words.slice(2)].join(' ');
  if (second === 'still' && third) return ['still', pastOf(third), ...words.slice(3)].join(' ');
  return [pastOf(second), ...words.slice(2)].join(' ');
}

const irregularPlurals = new Set([
  'people',
  'children',
  'men',
  'women',
  'police',
  'cattle',
  'mice',
  'geese',
  'feet',
  'teeth',
]);

function pluralWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/[’'].*$/, '');
  if (irregularPlurals.has(lower)) return true;
  return /s$/.test(lower) && !/(ss|us|is|ics|ous|sis)$/.test(lower);
}

const prepositions =
  /^(in|of|under|on|at|from|for|to|with|between|around|across|along|behind|near|over|by|beyond|inside|outside|within)$/i;

/**
 * Whether a noun phrase takes a plural verb: "the legions", "the almond and apple harvests",
 * "the cables under the sea" do; "the oxygen in the air", "Paris", "Mission Control" do not.
 */
export function nounIsPlural(phrase: string): boolean {
  const words = phrase.replace(/[“”"]/g, '').trim().split(/\s+/);
  if (words.length === 0 || words[0] === '') return false;
  if (/\sand\s/i.test(phrase)) return true;
  const article = /^(the|a|an|some|many|these|those|their|its|your|our|his|her|every|each|all)$/i.test(
    words[0]!,
  );
  // A name without an article is one place or person, whatever its last letter: Paris, Athens.
  if (!article && /^\p{Lu}/u.test(words[0]!)) return false;
  const beforePreposition = words.findIndex((word, index) => index > 0 && prepositions.test(word));
  const head = beforePreposition > 0 ? words[beforePreposition - 1]! : words.at(-1)!;
  return pluralWord(head);
}

function gerund(base: string): string {
  if (base === 'be' || base === 'see') return `${base}ing`;
  if (/ie$/.test(base)) return `${base.slice(0, -2)}ying`;
  if (/[^e]e$/.test(base)) return `${base.slice(0, -1)}ing`;
  return `${base}ing`;
}

/** A life's new road as a noun phrase: "had moved to Japan" → "moving to Japan"; "had not quit" → "not quitting". */
export function pathOf(predicate: string): { path: string; alternative?: string } {
  const [main = predicate, alternative] = predicate.split(/\s+instead\s+of\s+/i);
  const words = main
    .replace(/^(had|have|would have)\s+/i, '')
    .split(' ')
    .filter(Boolean);
  const negative = /^(not|never)$/i.test(words[0] ?? '');
  const rest = negative ? words.slice(1) : words;
  const first = (rest[0] ?? '').toLowerCase();
  const path = [gerund(baseOf(first)), ...rest.slice(1)].join(' ');
  return { path: negative ? `not ${path}` : path, ...(alternative ? { alternative } : {}) };
}

const minorWords = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'but',
  'as',
  'by',
  'with',
  'from',
  'into',
]);

export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, index, all) =>
      index > 0 && !all[index - 1]!.endsWith(':') && minorWords.has(word.toLowerCase())
        ? word.toLowerCase()
        : word.length > 0
          ? word[0]!.toUpperCase() + word.slice(1)
          : word,
    )
    .join(' ');
}
