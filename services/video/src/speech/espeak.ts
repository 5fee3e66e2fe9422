import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ScenarioLanguage } from '@what-if/contracts';
import { runProgram } from '../pipeline/programs';
import { readWav } from '../pipeline/wav';
import type { SpeechProvider } from './speech-provider';

/** espeak-ng's voices for our languages, and its variants for the two voices offered. */
const voices: Record<ScenarioLanguage, string> = { en: 'en-us', vi: 'vi' };
const variants = { female: 'f3', male: 'm3' } as const;
/** espeak-ng's words per minute at rate 1: a calm narrating pace. */
const baseWordsPerMinute = 160;

/**
 * espeak-ng (Debian package espeak-ng), run once per sentence, writing a WAV file: local,
 * free and offline, with voices for English and Vietnamese.
 */
export function createEspeakProvider(program = 'espeak-ng'): SpeechProvider {
  return {
    name: 'espeak-ng',
    speaks: (language) => language in voices,
    async synthesize(request) {
      const id = randomUUID();
      const textFile = path.join(request.workDir, `${id}.txt`);
      const wavFile = path.join(request.workDir, `${id}.wav`);
      await writeFile(textFile, request.text, 'utf8');
      const speed = Math.round(baseWordsPerMinute * request.rate);
      await runProgram(
        program,
        [
          '-v',
          `${voices[request.language]}+${variants[request.voice]}`,
          '-s',
          String(speed),
          '-w',
          wavFile,
          '-f',
          textFile,
        ],
        { signal: request.signal },
      );
      return readWav(await readFile(wavFile), `espeak-ng's output for "${request.text.slice(0, 40)}"`);
    },
  };
}
