/** 16-bit PCM audio, one channel: what every speech provider's output is brought to. */
export interface PcmAudio {
  sampleRate: number;
  samples: Buffer;
}

/** Reads a WAV file's PCM data (16-bit, mono), skipping any chunks besides `fmt ` and `data`. */
export function readWav(file: Buffer, source: string): PcmAudio {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${source} is not a WAV file`);
  }
  let offset = 12;
  let sampleRate = 0;
  let channels = 0;
  let bits = 0;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    let size = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      channels = file.readUInt16LE(body + 2);
      sampleRate = file.readUInt32LE(body + 4);
      bits = file.readUInt16LE(body + 14);
    } else if (id === 'data') {
      // Streamed WAVs (espeak-ng writing to a pipe) leave the size unset: the data runs to the end.
      if (size === 0 || size === 0xffffffff || body + size > file.length) size = file.length - body;
      if (channels !== 1 || bits !== 16) {
        throw new Error(`${source} is ${channels}-channel ${bits}-bit audio; 16-bit mono was expected`);
      }
      return { sampleRate, samples: file.subarray(body, body + size - (size % 2)) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${source} has no audio data`);
}

/** A WAV file around 16-bit mono PCM. */
export function wavFile(audio: PcmAudio): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + audio.samples.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(audio.sampleRate, 24);
  header.writeUInt32LE(audio.sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(audio.samples.length, 40);
  return Buffer.concat([header, audio.samples]);
}

export function durationSeconds(audio: PcmAudio): number {
  return audio.samples.length / 2 / audio.sampleRate;
}

export function silence(sampleRate: number, seconds: number): Buffer {
  return Buffer.alloc(Math.round(sampleRate * seconds) * 2);
}
