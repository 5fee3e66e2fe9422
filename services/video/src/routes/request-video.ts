import { createHash, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { HttpProblem, validationProblem } from '@what-if/kit';
import { defaultVideoOptions, type VideoOptions } from '../video';

/** The request body, as the contract (openapi.yaml, VideoRequest) has already checked its shape. */
export interface VideoRequestBody {
  scenarioId?: string;
  shareSlug?: string;
  sharePassword?: string;
  length?: VideoOptions['length'];
  resolution?: VideoOptions['resolution'];
  voice?: VideoOptions['voice'];
  rate?: number;
  burnCaptions?: boolean;
}

/** What the video is of: one of the caller's scenarios, or a share they may open. */
export type VideoSource =
  { kind: 'scenario'; scenarioId: string } | { kind: 'share'; slug: string; password?: string };

export interface VideoOrder {
  source: VideoSource;
  options: VideoOptions;
  /** Present when the client sent an Idempotency-Key: its digest and the request's. */
  claim?: { keyDigest: string; requestDigest: string };
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** Visible ASCII, as the IETF idempotency-key draft's examples use; long enough for a UUID and more. */
const keyPattern = /^[\x21-\x7e]{1,200}$/;

/** Exactly one of `scenarioId` and `shareSlug`, and a password only with a share. */
function readSource(body: VideoRequestBody): VideoSource {
  const fields: Array<{ path: string; message: string }> = [];
  if (body.scenarioId === undefined && body.shareSlug === undefined) {
    fields.push({
      path: '/body/scenarioId',
      message: 'name a scenario of yours (scenarioId) or a share (shareSlug)',
    });
  }
  if (body.scenarioId !== undefined && body.shareSlug !== undefined) {
    fields.push({ path: '/body/shareSlug', message: 'give either scenarioId or shareSlug, not both' });
  }
  if (body.sharePassword !== undefined && body.shareSlug === undefined) {
    fields.push({ path: '/body/sharePassword', message: 'goes with shareSlug only' });
  }
  if (fields.length > 0) throw validationProblem(fields);
  if (body.shareSlug !== undefined) {
    return {
      kind: 'share',
      slug: body.shareSlug,
      ...(body.sharePassword === undefined ? {} : { password: body.sharePassword }),
    };
  }
  return { kind: 'scenario', scenarioId: body.scenarioId! };
}

export function readVideoOrder(req: Request): VideoOrder {
  const body = req.body as VideoRequestBody;
  const source = readSource(body);
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
  // What the request asks for, the password aside: a retry with it mistyped is still the same request.
  const asked = source.kind === 'share' ? { shareSlug: source.slug } : { scenarioId: source.scenarioId };
  return {
    source,
    options,
    ...(key
      ? {
          claim: {
            keyDigest: digest(key),
            requestDigest: digest(JSON.stringify({ ...asked, ...options })),
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
