import { randomUUID } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type PurgeKind, type ServiceName, purgeReceivers } from '@what-if/catalog';
import type { PurgeInstruction } from '@what-if/contracts';
import { dynamoOutbox } from '../outbox/dynamo-outbox';
import { isConditionFailure } from '../stores/dynamodb-writes';
import type { PendingPurge, PurgeOutbox } from './purge-relay';

/**
 * An owner's purge outbox in its own DynamoDB table (docs/cross-service.md §2). DynamoDB (and
 * dynalite) has no transaction to put the instruction in, so the owner writes the intent
 * first, then deletes, then relays: a crash after the intent only means the relay repeats the
 * owner's own delete (the owner is the instruction's first receiver) and the deliveries, all
 * idempotent.
 *
 * One item per instruction: `pk = PURGE#<id>`, `sk = PURGE`, with the receivers still owed it
 * (a string set), the attempts, and `notBefore` (epoch ms: backoff, or a replica's lease). The
 * table's `gsi1` lists the pending ones oldest first under `PURGE#pending`; leases, backoff and
 * the backlog are the kit's DynamoDB outbox's (outbox/dynamo-outbox.ts).
 */
export interface DynamoPurgeOutbox extends PurgeOutbox {
  /**
   * Records the intent to purge: call it before the delete it describes. The owner itself comes
   * first among the receivers, then the catalog's receivers of the kind. Answers the instruction.
   */
  record(kind: PurgeKind, subjectId: string, ownerId: string): Promise<PurgeInstruction>;
}

export interface DynamoPurgeOutboxOptions {
  documents: DynamoDBDocumentClient;
  tableName: string;
  /** The owning service: the instructions' origin and their first receiver. */
  origin: ServiceName;
  /** The overloaded index that lists pending instructions (every What If table has `gsi1`). */
  index?: { name: string; partitionKey: string; sortKey: string };
  now?: () => number;
}

interface OutboxItem {
  pk: string;
  sk: string;
  instruction: PurgeInstruction;
  receivers?: Set<string>;
  attempts: number;
  notBefore: number;
}

/** Items whose `pk` starts with this are purge instructions (stores that walk their table skip them). */
export const purgeOutboxPrefix = 'PURGE#';
const pendingPartition = 'PURGE#pending';
const outboxKey = (id: string) => ({ pk: `${purgeOutboxPrefix}${id}`, sk: 'PURGE' });

export function dynamoPurgeOutbox(options: DynamoPurgeOutboxOptions): DynamoPurgeOutbox {
  const { documents, tableName, origin } = options;
  const index = options.index ?? { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' };
  const now = options.now ?? Date.now;
  // The kit's DynamoDB outbox: leases, backoff and the backlog; the receivers are this file's.
  const waiting = dynamoOutbox<OutboxItem>({
    documents,
    tableName,
    index,
    partition: pendingPartition,
    // Every receiver acknowledged, but the record outlived its last acknowledgement (a crash).
    nothingOwed: {
      test: (item) => (item.receivers?.size ?? 0) === 0,
      condition: 'attribute_not_exists(receivers)',
    },
    now,
  });

  /** Removes a record every receiver has acknowledged (the set is gone once empty). */
  async function removeIfDone(id: string): Promise<void> {
    try {
      await documents.send(
        new DeleteCommand({
          TableName: tableName,
          Key: outboxKey(id),
          ConditionExpression: 'attribute_not_exists(receivers)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  return {
    async record(kind, subjectId, ownerId) {
      const requestedAt = new Date(now()).toISOString();
      const instruction: PurgeInstruction = {
        id: randomUUID(),
        kind,
        subjectId,
        ownerId,
        requestedAt,
        origin,
      };
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...outboxKey(instruction.id),
            instruction,
            receivers: new Set([origin, ...purgeReceivers(kind)]),
            attempts: 0,
            notBefore: 0,
            [index.partitionKey]: pendingPartition,
            [index.sortKey]: `${requestedAt}#${instruction.id}`,
          },
        }),
      );
      return instruction;
    },

    async lease(limit, leaseMs) {
      const leased = await waiting.lease(limit, leaseMs);
      return leased.map((item): PendingPurge => ({
        instruction: item.instruction,
        receivers: [...(item.receivers ?? [])] as ServiceName[],
        attempts: waiting.attempts(item),
      }));
    },

    async acknowledge(id, receiver) {
      let left: OutboxItem | undefined;
      try {
        const result = await documents.send(
          new UpdateCommand({
            TableName: tableName,
            Key: outboxKey(id),
            UpdateExpression: 'DELETE receivers :receiver',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':receiver': new Set([receiver]) },
            ReturnValues: 'ALL_NEW',
          }),
        );
        left = result.Attributes as OutboxItem | undefined;
      } catch (error) {
        if (isConditionFailure(error)) return;
        throw error;
      }
      // The last receiver's acknowledgement empties the set, which DynamoDB removes: the record goes.
      if (left && (left.receivers?.size ?? 0) > 0) return;
      await removeIfDone(id);
    },

    retryLater: (id, delayMs) => waiting.retryLater(outboxKey(id), delayMs),

    async backlog() {
      const backlog = await waiting.backlog();
      return { pending: backlog.pending, oldestRequestedAt: backlog.oldestSince };
    },
  };
}
