import type { Config } from '../config';
import { createEspeakProvider } from './espeak';
import { createPollyProvider } from './polly';
import type { SpeechProvider } from './speech-provider';

/** The configured voice, with espeak-ng for every language the configured one lacks. */
export function speechFromConfig(config: Config): { preferred: SpeechProvider; fallback: SpeechProvider } {
  const espeak = createEspeakProvider();
  if (config.VIDEO_SPEECH === 'espeak') return { preferred: espeak, fallback: espeak };
  return {
    preferred: createPollyProvider({ region: config.AWS_REGION, engine: config.POLLY_ENGINE }),
    fallback: espeak,
  };
}
