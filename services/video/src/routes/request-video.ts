import { createHash, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { HttpProblem, validationProblem } from '@what-if/kit';
import { defaultVideoOptions, type VideoOptions } from '../video';

/** The request body, as the contract (openapi.yaml, VideoRequest) has already checked its shape. */
export interface VideoRequestBody {
  scenarioId: string;
  length?: VideoOptions['length'];
  resolution?: VideoOptions['resolution'];
  voice?: VideoOptions['voice'];
  rate?: number;
  burnCaptions?: boolean;
}

export interface VideoOrder {
  scenarioId: string;
  options: VideoOptions;
  /** Present when the client sent an Idempotency-Key: its digest and the request's. */
  claim?: { keyDigest: string; requestDigest: string };
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** Visible ASCII, as the IETF idempotency-key draft's examples use; long enough for a UUID and more. */
const keyPattern = /^[\x21-\x7e]{1,200}$/;

export function readVideoOrder(req: Request): VideoOrder {
  const body = req.body as VideoRequestBody;
  const options: VideoOptions = {
    length: body.length ?? defaultVideoOptions.length,
    resolution: body.resolution ?? defaultVideoOptions.resolution,
    voice: body.voice ?? defaultVideoOptions.voice,
    rate: body.rate ?? defaultVideoOptions.rate,
    burnCaptions: body.burnCaptions ?? defaultVideoOptions.burnCaptions,
  };
  const key = req.get('idempotency-key');
  if (key !== undefined && !keyPattern.test(key)) {
    throw validationProblem([
      {
        path: '/header/idempotency-key',
        message: 'must be 1–200 visible ASCII characters (a UUID is a good key)',
      },
    ]);
  }
  return {
    scenarioId: body.scenarioId,
    options,
    ...(key
      ? {
          claim: {
            keyDigest: digest(key),
            requestDigest: digest(JSON.stringify({ scenarioId: body.scenarioId, ...options })),
          },
        }
      : {}),
  };
}

export function keyReused(): HttpProblem {
  return new HttpProblem(
    422,
    'This Idempotency-Key was already used for a different video request; send a new key for a new request.',
    { type: 'idempotency-key-reused', title: 'Idempotency key reused' },
  );
}

export const newVideoId = (): string => randomUUID();
