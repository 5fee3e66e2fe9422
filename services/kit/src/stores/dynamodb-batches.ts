import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DynamoTableContext } from './dynamodb-writes';
import { markUnavailable } from './unavailable';

/** One put or delete of a batch through the document client (plain values, as the document client takes them). */
export type BatchWriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

export interface BatchWriteOptions {
  /** How many times one batch is sent, the first included, before its leftovers fail the write (8 unless set). */
  maxAttempts?: number;
  /** The ceiling of the first resend's wait; each further one doubles it (50 ms unless set). */
  baseDelayMs?: number;
  /** No wait is longer than this (2 s unless set). */
  maxDelayMs?: number;
  /** How the write waits between sends (tests pass their own to see the waits without waiting). */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1): the jitter (Math.random unless set). */
  random?: () => number;
}

/** DynamoDB takes at most 25 requests in one BatchWriteItem. */
export const batchWriteLimit = 25;

/** Some requests of a batch write were still handed back unprocessed when its attempts ran out. */
export class UnprocessedWritesError extends Error {
  constructor(
    readonly tableName: string,
    /** How many of the requests were not written. */
    readonly unwritten: number,
    /** How many requests the write was asked to make. */
    readonly requested: number,
    attempts: number,
  ) {
    super(
      `${tableName}: ${unwritten} of ${requested} batch writes were not written: DynamoDB still handed them back unprocessed after ${attempts} attempts`,
    );
    this.name = 'UnprocessedWritesError';
  }
}

const defaults = { maxAttempts: 8, baseDelayMs: 50, maxDelayMs: 2_000 };

function wholeAbove(name: string, value: number, least: number): void {
  if (!(Number.isInteger(value) && value >= least))
    throw new RangeError(`${name} must be a whole number of at least ${least}, not ${value}`);
}

/**
 * The wait before resend `attempt` (1 for the first resend): half of the ceiling for sure and a
 * random part of the other half, the ceiling doubling from `baseDelayMs` up to `maxDelayMs`. As
 * each wait is at least half its ceiling, it is never shorter than the one before; the jitter
 * keeps writers that were throttled together from coming back together.
 */
export function batchRetryDelay(
  attempt: number,
  options: Pick<BatchWriteOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'> = {},
): number {
  const base = options.baseDelayMs ?? defaults.baseDelayMs;
  const most = options.maxDelayMs ?? defaults.maxDelayMs;
  const ceiling = Math.min(most, base * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + (options.random ?? Math.random)() * (ceiling / 2));
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one BatchWriteItem loop: 25 requests a batch, in order; what DynamoDB hands back
 * unprocessed (it does under throttling) is sent again after a jittered exponential backoff,
 * as AWS asks, and a batch still not written after `maxAttempts` sends fails the write with an
 * `UnprocessedWritesError` marked as DynamoDB not answering (503), saying how many were not
 * written (every request of the later batches included, none of which was sent).
 */
async function writeInBatches<Request>(
  tableName: string,
  requests: readonly Request[],
  send: (batch: Request[]) => Promise<Request[] | undefined>,
  options: BatchWriteOptions,
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? defaults.maxAttempts;
  wholeAbove('maxAttempts', maxAttempts, 1);
  const sleep = options.sleep ?? realSleep;
  for (let offset = 0; offset < requests.length; offset += batchWriteLimit) {
    let pending = requests.slice(offset, offset + batchWriteLimit);
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt === maxAttempts) {
        const unsent = requests.length - offset - batchWriteLimit;
        throw markUnavailable(
          new UnprocessedWritesError(
            tableName,
            pending.length + Math.max(0, unsent),
            requests.length,
            attempt,
          ),
          'dynamodb',
        );
      }
      if (attempt > 0) await sleep(batchRetryDelay(attempt, options));
      pending = (await send(pending)) ?? [];
    }
  }
}

/** Writes (puts and deletes) to the table through the document client, 25 a batch, resending what comes back unprocessed. */
export async function writeBatches(
  table: DynamoTableContext,
  requests: readonly BatchWriteRequest[],
  options: BatchWriteOptions = {},
): Promise<void> {
  await writeInBatches(
    table.tableName,
    requests,
    async (batch) => {
      const result = await table.documents.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: batch } }),
      );
      return result.UnprocessedItems?.[table.tableName];
    },
    options,
  );
}

/** `writeBatches` through the plain client, items as DynamoDB marshals them (copies that keep every stored type). */
export async function writeMarshalledBatches(
  client: DynamoDBClient,
  tableName: string,
  requests: readonly WriteRequest[],
  options: BatchWriteOptions = {},
): Promise<void> {
  await writeInBatches(
    tableName,
    requests,
    async (batch) => {
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }));
      return result.UnprocessedItems?.[tableName];
    },
    options,
  );
}
