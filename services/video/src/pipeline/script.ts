import type { Scenario } from '@what-if/contracts';
import type { VideoOptions } from '../video';
import { splitSentences, wordCount } from './sentences';

/** One slide and what is said while it shows. */
export interface ScriptSlide {
  kind: 'title' | 'section' | 'timeline' | 'end';
  heading: string;
  /** Paragraphs under the heading (a section), or `when — event` lines (the timeline). */
  body: string[];
  /** Spoken while the slide shows; an end card is silent. */
  sentences: string[];
}

export interface Script {
  language: Scenario['language'];
  slides: ScriptSlide[];
}

const labels = {
  en: {
    premise: 'The premise',
    divergence: 'Where history turns',
    timeline: 'Timeline',
    consequences: 'What follows',
    figures: 'Key figures',
    end: 'Made with What If',
    summary: 'In short',
  },
  vi: {
    premise: 'Tiền đề',
    divergence: 'Nơi lịch sử rẽ hướng',
    timeline: 'Dòng thời gian',
    consequences: 'Hệ quả',
    figures: 'Nhân vật chính',
    end: 'Tạo bởi What If',
    summary: 'Tóm tắt',
  },
} as const;

/**
 * Words spoken per minute at rate 1, a little under espeak-ng's and Polly's natural pace, so
 * budgets hold: a short video is about 30 s, a full one at most five minutes.
 */
const wordsPerMinute = 150;
const shortSeconds = 30;
const fullSeconds = 5 * 60;

/** Takes whole sentences while they fit the budget; the first always goes, so nothing is empty. */
function withinBudget(sentences: readonly string[], budget: { words: number }): string[] {
  const taken: string[] = [];
  for (const sentence of sentences) {
    const words = wordCount(sentence);
    if (taken.length > 0 && words > budget.words) break;
    if (taken.length === 0 && budget.words <= 0) break;
    taken.push(sentence);
    budget.words -= words;
  }
  return taken;
}

/**
 * The script of a video from a scenario, in its language: a title card, then either a summary
 * (short) or one slide per section (full), and an end card. Sentences are cut at the length's
 * word budget, whole sentences only.
 */
export function writeScript(scenario: Scenario, options: Pick<VideoOptions, 'length' | 'rate'>): Script {
  const text = labels[scenario.language];
  const seconds = options.length === 'short' ? shortSeconds : fullSeconds;
  const budget = { words: Math.floor((seconds / 60) * wordsPerMinute * options.rate) };
  const slides: ScriptSlide[] = [];
  const title: ScriptSlide = {
    kind: 'title',
    heading: scenario.title,
    body: [scenario.question],
    sentences: withinBudget(splitSentences(scenario.title.replace(/[^.!?…]$/u, '$&.')), budget),
  };
  slides.push(title);

  if (options.length === 'short') {
    const sentences = withinBudget(splitSentences(scenario.narration), budget);
    slides.push({ kind: 'section', heading: text.summary, body: [sentences.join(' ')], sentences });
  } else {
    const section = (heading: string, paragraphs: string[]): void => {
      const sentences = withinBudget(splitSentences(paragraphs.join(' ')), budget);
      if (sentences.length > 0) slides.push({ kind: 'section', heading, body: paragraphs, sentences });
    };
    section(text.premise, [scenario.premise]);
    section(text.divergence, [`${scenario.divergence.when}: ${scenario.divergence.event}`]);
    const timelineLines = scenario.timeline.map((entry) => `${entry.when} — ${entry.event}`);
    const timelineSentences = withinBudget(
      scenario.timeline.flatMap((entry) => splitSentences(`${entry.when}: ${entry.event}`)),
      budget,
    );
    if (timelineSentences.length > 0) {
      slides.push({
        kind: 'timeline',
        heading: text.timeline,
        body: timelineLines,
        sentences: timelineSentences,
      });
    }
    const { immediate, shortTerm, longTerm } = scenario.consequences;
    section(text.consequences, [immediate, shortTerm, longTerm]);
    section(
      text.figures,
      scenario.keyFigures.map((figure) => `${figure.name}: ${figure.role}`),
    );
  }
  slides.push({ kind: 'end', heading: text.end, body: [], sentences: [] });
  return { language: scenario.language, slides };
}
