/** The values a template's {slots} are filled with. */
export type Slots = Readonly<Record<string, string>>;

export function capitalizeFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleUpperCase() + text.slice(1);
}

/**
 * Fills {slot} and {slot_cap} (capitalised) from `slots` and capitalises the result's first
 * letter. A slot a template names but the scenario lacks is a bug in the phrase bank, so it throws.
 */
export function fill(template: string, slots: Slots): string {
  const filled = template.replace(
    /\{(\w+?)(_cap)?\}/g,
    (_match, name: string, capitalise: string | undefined) => {
      const value = slots[name];
      if (value === undefined)
        throw new Error(`Phrase template names an unknown slot {${name}}: "${template}"`);
      return capitalise ? capitalizeFirst(value) : value;
    },
  );
  // A slot that opens a later sentence ("A hard decade. {m3} falters") is capitalised too.
  const sentences = filled
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([.!?] )(\p{Ll})/gu, (_match, end: string, letter: string) => end + letter.toLocaleUpperCase());
  return capitalizeFirst(sentences);
}

/**
 * Lower-cases a sentence's first letter so it can follow "Then, in 1552, …" — but only when
 * the first word is an ordinary word, never a name like "Odoacer" or "Trần Hưng Đạo".
 */
export function continueSentence(sentence: string, ordinaryFirstWords: ReadonlySet<string>): string {
  const firstWord = sentence.split(/[\s,:;]/)[0] ?? '';
  return ordinaryFirstWords.has(firstWord.toLocaleLowerCase())
    ? sentence[0]!.toLocaleLowerCase() + sentence.slice(1)
    : sentence;
}
