import type { ScenarioLanguage } from '@what-if/contracts';
import type { VideoOptions } from '../video';
import type { PcmAudio } from '../pipeline/wav';

export interface SpeechRequest {
  text: string;
  language: ScenarioLanguage;
  voice: VideoOptions['voice'];
  rate: number;
  /** A scratch directory of this render's own. */
  workDir: string;
  signal: AbortSignal;
}

/** Turns one sentence into 16-bit mono PCM. */
export interface SpeechProvider {
  name: string;
  speaks(language: ScenarioLanguage): boolean;
  synthesize(request: SpeechRequest): Promise<PcmAudio>;
}

/**
 * The provider for a language: the preferred one when it has a voice for it, else the
 * fallback (espeak-ng speaks every language we write, Vietnamese included).
 */
export function providerFor(
  language: ScenarioLanguage,
  preferred: SpeechProvider,
  fallback: SpeechProvider,
): SpeechProvider {
  return preferred.speaks(language) ? preferred : fallback;
}
