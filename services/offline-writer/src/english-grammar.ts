/**
 * Just enough English grammar to retell a question's clause: "dinosaurs had not gone extinct"
 * becomes "dinosaurs did not go extinct", and a headline is title-cased.
 */
const participles: Record<string, { past: string; base: string }> = {
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
  died: { past: 'died', base: 'die' },
  moved: { past: 'moved', base: 'move' },
  married: { past: 'married', base: 'marry' },
  studied: { past: 'studied', base: 'study' },
  stayed: { past: 'stayed', base: 'stay' },
  survived: { past: 'survived', base: 'survive' },
  invented: { past: 'invented', base: 'invent' },
  collapsed: { past: 'collapsed', base: 'collapse' },
  learned: { past: 'learned', base: 'learn' },
  started: { past: 'started', base: 'start' },
};

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
 * "had become a doctor" → "became a doctor"; "had not gone extinct" → "did not go extinct";
 * "were real" → "turned out to be real"; "could fly" → "gained the ability to fly".
 */
export function simplePast(change: string, subject: string): string {
  if (/^(was|were) (real|alive|true)\b/i.test(change))
    return change.replace(/^(was|were)/i, 'turned out to be');
  if (/^could /i.test(change)) return change.replace(/^could /i, 'gained the ability to ');
  const words = change.split(' ');
  const [auxiliary, second, third] = words.map((word) => word.toLowerCase());
  const plural = isPlural(subject);
  const pastOf = (participle: string) => {
    const past = participles[participle]?.past ?? participle;
    return past === 'was' && plural ? 'were' : past;
  };
  const be = plural ? 'were' : 'was';
  // "had never been colonized" → "was never colonized"; "had not been invented" → "was not invented".
  if (auxiliary === 'had' && (second === 'never' || second === 'not') && third === 'been')
    return [be, second, ...words.slice(3)].join(' ');
  if ((auxiliary === 'had' && second === 'not') || auxiliary === "hadn't") {
    const participleAt = auxiliary === "hadn't" ? 1 : 2;
    const known = participles[(auxiliary === "hadn't" ? second : third) ?? ''];
    if (known) return ['did not', known.base, ...words.slice(participleAt + 1)].join(' ');
    return change;
  }
  if (auxiliary === 'had' && second === 'never' && third)
    return ['never', pastOf(third), ...words.slice(3)].join(' ');
  if (auxiliary === 'had' && second) return [pastOf(second), ...words.slice(2)].join(' ');
  return change;
}

function gerund(base: string): string {
  if (base === 'be' || base === 'see') return `${base}ing`;
  if (/[^e]e$/.test(base)) return `${base.slice(0, -1)}ing`;
  return `${base}ing`;
}

/** The reader's new path as a noun phrase: "had moved to Japan at 20" → "moving to Japan". */
export function pathOf(change: string): { path: string; alternative?: string } {
  const [main = change, alternative] = change.split(/\s+instead of\s+/i);
  const words = main
    .replace(/^had\s+/i, '')
    .replace(/\s+(at|aged|when you were)\s+\d{1,2}$/i, '')
    .split(' ');
  const first = (words[0] ?? '').toLowerCase();
  const base =
    participles[first]?.base ??
    Object.values(participles).find((forms) => forms.past === first)?.base ??
    first;
  return { path: [gerund(base), ...words.slice(1)].join(' '), alternative };
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
]);

export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, index) =>
      index > 0 && minorWords.has(word.toLowerCase())
        ? word.toLowerCase()
        : word[0]!.toUpperCase() + word.slice(1),
    )
    .join(' ');
}
