import { writeFile } from 'node:fs/promises';
import type { VideoOptions } from '../video';
import type { SpeechProvider } from '../speech/speech-provider';
import type { Script } from './script';
import { type PcmAudio, durationSeconds, silence, wavFile } from './wav';

/** One spoken sentence and when it is heard: what the captions show. */
export interface SpokenSentence {
  text: string;
  start: number;
  end: number;
}

export interface Narration {
  /** How long each slide of the script shows, in order; they add up to the audio's length. */
  slideSeconds: number[];
  sentences: SpokenSentence[];
  durationSeconds: number;
}

/** Quiet before a slide's first sentence, so the cross-fade lands before the voice. */
const slideLeadSeconds = 0.4;
const sentenceGapSeconds = 0.35;
/** The end card shows this long, silent. */
const endCardSeconds = 3;
/** Nothing is said past this: a full video is at most five minutes, end card included. */
const maxSpeechSeconds = 5 * 60 - endCardSeconds;

/**
 * Speaks a script sentence by sentence and joins the audio into one WAV file. Each sentence's
 * place in the joined audio is measured from the samples themselves, so captions follow the
 * voice exactly, whatever the provider's pace.
 */
export async function narrate(
  script: Script,
  options: Pick<VideoOptions, 'voice' | 'rate'>,
  provider: SpeechProvider,
  output: { file: string; workDir: string; signal: AbortSignal; onProgress: (percent: number) => void },
): Promise<Narration> {
  const total = script.slides.reduce((sum, slide) => sum + slide.sentences.length, 0);
  const chunks: Buffer[] = [];
  const sentences: SpokenSentence[] = [];
  const slideSeconds: number[] = [];
  let sampleRate = 0;
  let elapsed = 0;
  let spoken = 0;
  const append = (audio: PcmAudio): number => {
    if (sampleRate === 0) sampleRate = audio.sampleRate;
    if (audio.sampleRate !== sampleRate) {
      throw new Error(`${provider.name} changed its sample rate from ${sampleRate} to ${audio.sampleRate}`);
    }
    chunks.push(audio.samples);
    return durationSeconds(audio);
  };
  const pause = (seconds: number): number => {
    chunks.push(silence(sampleRate, seconds));
    return Math.round(sampleRate * seconds) / sampleRate;
  };

  for (const slide of script.slides) {
    const slideStart = elapsed;
    for (const text of slide.sentences) {
      if (elapsed >= maxSpeechSeconds) break;
      const audio = await provider.synthesize({
        text,
        language: script.language,
        voice: options.voice,
        rate: options.rate,
        workDir: output.workDir,
        signal: output.signal,
      });
      if (sampleRate === 0) sampleRate = audio.sampleRate;
      if (elapsed === slideStart) elapsed += pause(slideLeadSeconds);
      const start = elapsed;
      elapsed += append(audio);
      sentences.push({ text, start, end: elapsed });
      elapsed += pause(sentenceGapSeconds);
      spoken += 1;
      output.onProgress((spoken / total) * 100);
    }
    if (slide.kind === 'end' || elapsed === slideStart) {
      if (sampleRate === 0) throw new Error('the script has nothing to say');
      elapsed += pause(slide.kind === 'end' ? endCardSeconds : slideLeadSeconds);
    }
    slideSeconds.push(elapsed - slideStart);
  }
  await writeFile(output.file, wavFile({ sampleRate, samples: Buffer.concat(chunks) }));
  output.onProgress(100);
  return { slideSeconds, sentences, durationSeconds: elapsed };
}
