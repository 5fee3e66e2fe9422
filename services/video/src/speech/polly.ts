import { PollyClient, SynthesizeSpeechCommand, type VoiceId } from '@aws-sdk/client-polly';
import type { ScenarioLanguage } from '@what-if/contracts';
import type { SpeechProvider } from './speech-provider';

/** Polly's voices for the languages it has; Vietnamese is not among them. */
const voices: Partial<Record<ScenarioLanguage, { female: VoiceId; male: VoiceId }>> = {
  en: { female: 'Joanna', male: 'Matthew' },
};

/** Polly's raw PCM: signed 16-bit little-endian mono at this rate. */
const sampleRate = 16_000;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface PollyOptions {
  region: string;
  engine: 'standard' | 'neural';
  /** A Polly-compatible endpoint (tests); empty for the regional one. */
  endpoint?: string;
}

/** Amazon Polly, for the languages it has a voice for, with the rate as SSML prosody. */
export function createPollyProvider(options: PollyOptions, client?: PollyClient): SpeechProvider {
  const polly =
    client ??
    new PollyClient({ region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
  return {
    name: 'polly',
    speaks: (language) => voices[language] !== undefined,
    async synthesize(request) {
      const voice = voices[request.language];
      if (!voice) throw new Error(`Amazon Polly has no voice for ${request.language}`);
      const percent = Math.round(request.rate * 100);
      const answer = await polly.send(
        new SynthesizeSpeechCommand({
          Engine: options.engine,
          VoiceId: voice[request.voice],
          OutputFormat: 'pcm',
          SampleRate: String(sampleRate),
          TextType: 'ssml',
          Text: `<speak><prosody rate="${percent}%">${escapeXml(request.text)}</prosody></speak>`,
        }),
        { abortSignal: request.signal },
      );
      if (!answer.AudioStream) throw new Error('Amazon Polly answered without audio');
      const bytes = Buffer.from(await answer.AudioStream.transformToByteArray());
      return { sampleRate, samples: bytes.subarray(0, bytes.length - (bytes.length % 2)) };
    },
  };
}
