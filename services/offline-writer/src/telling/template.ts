/** The values a template's {slots} are filled with. */
export type Slots = Readonly<Record<string, string | undefined>>;

export function capitalizeFirst(text: string): string {
  const at = text.search(/\p{L}/u);
  return at < 0 ? text : text.slice(0, at) + text[at]!.toLocaleUpperCase() + text.slice(at + 1);
}

/** Every slot a template names. */
export function slotsOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/**
 * Fills {slot} from `slots` and capitalises each sentence's first letter. A slot the scenario
 * has no value for makes the template unusable here (undefined), so the caller picks another;
 * a slot no scenario ever has is a bug in the phrase bank, which a test catches.
 *
 * `[is|are]` after a slot agrees with it: the first word when the slot's value is singular,
 * the second when `plural` says it is plural (English only; Vietnamese verbs do not agree).
 */
export function fill(
  template: string,
  slots: Slots,
  plural: (name: string, value: string) => boolean = () => false,
): string | undefined {
  let missing = false;
  let last: { name: string; value: string } | undefined;
  const filled = template.replace(
    /\{(\w+)\}|\[([^\]|]+)\|([^\]|]+)\]/g,
    (match, name?: string, one?: string, many?: string) => {
      if (name === undefined) return last && plural(last.name, last.value) ? many! : (one ?? match);
      const value = slots[name];
      if (value === undefined || value.length === 0) {
        missing = true;
        return '';
      }
      last = { name, value };
      return value;
    },
  );
  if (missing) return undefined;
  const sentences = filled
    .replace(/\s+/g, ' ')
    .trim()
    .replace(
      /([.!?] [“"(]?)(\p{Ll})/gu,
      (_match, end: string, letter: string) => end + letter.toLocaleUpperCase(),
    );
  return capitalizeFirst(sentences);
}

/**
 * Lower-cases a sentence's first letter so it can follow "Then, in 1552, …", but only when
 * the first word is an ordinary word, never a name like "Odoacer" or "Trần Hưng Đạo".
 */
export function continueSentence(sentence: string, ordinaryFirstWords: ReadonlySet<string>): string {
  const firstWord = sentence.split(/[\s,:;]/)[0] ?? '';
  return ordinaryFirstWords.has(firstWord.toLocaleLowerCase())
    ? sentence[0]!.toLocaleLowerCase() + sentence.slice(1)
    : sentence;
}
