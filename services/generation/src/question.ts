import { questionLimits } from '@what-if/contracts';
import { type HttpProblem, validationProblem } from '@what-if/kit';

/** C0 and C1 control characters (tabs and newlines included): they become spaces. */
const controlCharacters = /[\p{Cc}]/gu;
/** Zero-width and bidi-override characters that hide text or reorder it on screen. */
const invisibleFormatting = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** The question as stored and shown: NFC, control characters stripped, whitespace collapsed. */
export function cleanQuestion(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(controlCharacters, ' ')
    .replace(invisibleFormatting, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The question for cache keys: two spellings of the same request share one entry. */
export function normalizeQuestion(cleaned: string): string {
  return cleaned.toLocaleLowerCase().replace(/[\s?!.…]+$/u, '');
}

function invalidQuestion(message: string): HttpProblem {
  return validationProblem([{ path: '/body/question', message }]);
}

/**
 * The cleaned question, or a 400 saying what is wrong with it. Characters are counted as
 * code points, as the contract's minLength and the scenario schema count them: counted in
 * UTF-16 units, a question with emoji passed here and failed the scenario schema later (a 500).
 */
export function validQuestion(raw: string): string {
  const question = cleanQuestion(raw);
  const characters = [...question].length;
  if (characters === 0) throw invalidQuestion('is empty');
  if (characters < questionLimits.min) {
    throw invalidQuestion(`must have at least ${questionLimits.min} characters (it has ${characters})`);
  }
  if (characters > questionLimits.max) {
    throw invalidQuestion(`must have at most ${questionLimits.max} characters (it has ${characters})`);
  }
  return question;
}
