import type { SpokenSentence } from './narration';

/** At most this many characters on a caption line, and two lines to a cue (broadcast practice). */
const lineCharacters = 42;
const cueCharacters = lineCharacters * 2;

function timestamp(seconds: number): string {
  const milliseconds = Math.max(0, Math.round(seconds * 1000));
  const hours = Math.floor(milliseconds / 3_600_000);
  const minutes = Math.floor((milliseconds % 3_600_000) / 60_000);
  const secs = Math.floor((milliseconds % 60_000) / 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}.${pad(milliseconds % 1000, 3)}`;
}

/** Words into lines of at most `width` characters (a longer word stands alone). */
function wrap(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export interface Cue {
  start: number;
  end: number;
  lines: string[];
}

/**
 * One cue per sentence, or several for a long one: its words are shared out in cues of two
 * lines, each given a share of the sentence's time in proportion to its characters.
 */
export function captionCues(sentences: readonly SpokenSentence[]): Cue[] {
  const cues: Cue[] = [];
  for (const sentence of sentences) {
    const lines = wrap(sentence.text.split(/\s+/).filter(Boolean), lineCharacters);
    const groups: string[][] = [];
    for (let index = 0; index < lines.length; index += 2) groups.push(lines.slice(index, index + 2));
    const characters = groups.reduce((sum, group) => sum + group.join(' ').length, 0);
    let start = sentence.start;
    for (const group of groups) {
      const share = (group.join(' ').length / characters) * (sentence.end - sentence.start);
      cues.push({ start, end: start + share, lines: group });
      start += share;
    }
  }
  return cues;
}

/** A WebVTT file of the cues. */
export function webVtt(cues: readonly Cue[]): string {
  const blocks = cues.map(
    (cue, index) =>
      `${index + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${cue.lines.join('\n')}`,
  );
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

export { cueCharacters };
