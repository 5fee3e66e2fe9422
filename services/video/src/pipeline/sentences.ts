/**
 * Splits prose into sentences at ., !, ? and … followed by a space, keeping the mark; a
 * number such as 3.5 or an initial followed by a capital stays whole well enough for speech.
 */
export function splitSentences(text: string): string[] {
  const normalized = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!normalized) return [];
  return normalized
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}"“‘(])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
