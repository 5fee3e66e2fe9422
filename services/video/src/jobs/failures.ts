import { MissingFontError } from '../pipeline/slides';
import { ProgramError } from '../pipeline/programs';
import type { VideoFailure } from '../video';

export interface ClassifiedFailure extends VideoFailure {
  /** Another attempt may succeed (a full disk frees up, a crashed encoder runs again). */
  retryable: boolean;
}

function isDiskFull(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOSPC';
}

/**
 * What went wrong, as a user reads it and an operator acts on it. A missing program or font
 * is the image's fault and will not mend itself; the rest may pass on another attempt.
 */
export function classifyFailure(
  error: unknown,
  timedOut: { seconds: number } | undefined,
): ClassifiedFailure {
  if (timedOut) {
    return {
      reason: 'timed-out',
      message: `Rendering took longer than ${timedOut.seconds} s and was stopped.`,
      retryable: false,
    };
  }
  if (error instanceof MissingFontError) {
    return {
      reason: 'missing-program',
      message: `The renderer is not set up: ${error.message}.`,
      retryable: false,
    };
  }
  if (error instanceof ProgramError) {
    if (error.kind === 'missing') {
      return {
        reason: 'missing-program',
        message: `The renderer is not set up: ${error.message}.`,
        retryable: false,
      };
    }
    if (error.kind === 'disk-full') {
      return { reason: 'disk-full', message: 'The renderer ran out of disk space.', retryable: true };
    }
    if (error.program === 'espeak-ng') {
      return {
        reason: 'speech-failed',
        message: `Speech synthesis failed: ${error.message}`,
        retryable: true,
      };
    }
    return { reason: 'encoder-failed', message: `Encoding failed: ${error.message}`, retryable: true };
  }
  if (isDiskFull(error)) {
    return { reason: 'disk-full', message: 'The renderer ran out of disk space.', retryable: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { reason: 'internal', message: `Rendering failed: ${message}`, retryable: true };
}
