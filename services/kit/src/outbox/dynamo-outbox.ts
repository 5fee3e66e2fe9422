import { randomUUID } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxBacklog } from './outbox-metrics';
import type { OutboxStore } from './outbox-relay';
import { queryPages } from '../stores/dynamodb-pages';
import { isConditionFailure } from '../stores/dynamodb-writes';

/** Every What If table keys its items by `pk` and `sk`. */
export interface OutboxItemKey {
  pk: string;
  sk: string;
}

export interface DynamoOutboxOptions<Item extends OutboxItemKey> {
  documents: DynamoDBDocumentClient;
  tableName: string;
  /**
   * The index that lists the waiting items: they carry its partition key set to `partition`, and
   * a sort key that begins with the ISO time the item began to wait, then `#` (oldest first, and
   * the oldest's age without reading further).
   */
  index: { name: string; partitionKey: string; sortKey: string };
  partition: string;
  /** The attribute with the time (epoch ms) before which an item is not tried: `notBefore` unless an existing layout named it otherwise. */
  dueAttribute?: string;
  /**
   * An item that owes nothing any more though it is still listed (a crash between its last
   * acknowledgement and its delete): removed on sight under `condition`, never delivered or counted.
   */
  nothingOwed?: { test(item: Item): boolean; condition: string };
  /**
   * What a delivered item becomes: deleted (the default), or kept as a record of its own with
   * the outbox's attributes and `remove` taken off it.
   */
  settle?: { keep: true; remove?: readonly string[] };
  /**
   * Attributes whose leased value must still hold for a delivery to settle the item (a version a
   * newer change raised meanwhile); otherwise the item is released and delivered again soon.
   */
  settleIfUnchanged?: readonly string[];
  /** Who holds a lease: this process (one relay per outbox in it) unless a test plays several replicas. */
  holder?: string;
  now?: () => number;
}

/**
 * A DynamoDB outbox: the relay's store. Dropping and retrying need only an item's key, so an
 * owner that tracks its items by key (the purge outbox) can call them too.
 */
export interface DynamoOutbox<Item extends OutboxItemKey> extends OutboxStore<Item> {
  drop(item: OutboxItemKey): Promise<void>;
  retryLater(item: OutboxItemKey, delayMs: number): Promise<void>;
}

/** This process as a lease holder. */
const processHolder = randomUUID();
/** Waiting items read per query while leasing or counting. */
const readBatch = 100;

/**
 * An outbox in a service's own DynamoDB table (docs/cross-service.md): items wait under a
 * partition of one of the table's indexes, and replicas lease them with a conditional write, so
 * one replica delivers an item at a time. The lease sets `leaseHolder`, `leaseUntil` and the due
 * time together, and is refused while either the due time or another lease is in the future.
 * (Relays of earlier versions leased either by the due time or by `leaseUntil`: both stay
 * refused by this one's leases, and this one waits for theirs, through a rolling deploy.)
 * Settling, dropping and retrying are conditional on this replica still holding the item.
 */
export function dynamoOutbox<Item extends OutboxItemKey>(
  options: DynamoOutboxOptions<Item>,
): DynamoOutbox<Item> {
  const { documents, tableName, index, partition } = options;
  const due = options.dueAttribute ?? 'notBefore';
  const holder = options.holder ?? processHolder;
  const now = options.now ?? Date.now;
  const key = (item: OutboxItemKey) => ({ pk: item.pk, sk: item.sk });
  const record = (item: Item) => item as unknown as Record<string, unknown>;
  const owes = (item: Item) => !options.nothingOwed?.test(item);

  /** Waiting items, oldest first, page by page (the index is eventually consistent: leases decide). */
  async function* waiting(): AsyncGenerator<Item[]> {
    const pages = queryPages<Item>(
      { documents, tableName },
      {
        IndexName: index.name,
        KeyConditionExpression: '#waiting = :partition',
        ExpressionAttributeNames: { '#waiting': index.partitionKey },
        ExpressionAttributeValues: { ':partition': partition },
      },
      { pageSize: readBatch },
    );
    for await (const page of pages) yield page.items;
  }

  async function ignoringConditionFailure(write: Promise<unknown>): Promise<boolean> {
    try {
      await write;
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async function removeOwingNothing(item: Item): Promise<void> {
    await ignoringConditionFailure(
      documents.send(
        new DeleteCommand({
          TableName: tableName,
          Key: key(item),
          ConditionExpression: options.nothingOwed!.condition,
        }),
      ),
    );
  }

  /** One replica wins a due item; answers it as the winning write left it (the newest state). */
  async function take(item: Item, leaseMs: number): Promise<Item | undefined> {
    const at = now();
    try {
      const taken = await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(item),
          UpdateExpression: 'SET #due = :until, leaseHolder = :holder, leaseUntil = :until',
          ConditionExpression:
            '#waiting = :partition AND (attribute_not_exists(#due) OR #due <= :now) AND (attribute_not_exists(leaseUntil) OR leaseUntil <= :now)',
          ExpressionAttributeNames: { '#due': due, '#waiting': index.partitionKey },
          ExpressionAttributeValues: {
            ':until': at + leaseMs,
            ':holder': holder,
            ':now': at,
            ':partition': partition,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return taken.Attributes as Item | undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Lets go of an item this replica holds: due again at once. */
  async function release(item: OutboxItemKey): Promise<void> {
    await ignoringConditionFailure(
      documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(item),
          UpdateExpression: 'REMOVE leaseHolder, leaseUntil, #due',
          ConditionExpression: 'leaseHolder = :holder',
          ExpressionAttributeNames: { '#due': due },
          ExpressionAttributeValues: { ':holder': holder },
        }),
      ),
    );
  }

  return {
    async lease(limit, leaseMs) {
      const leased: Item[] = [];
      for await (const items of waiting()) {
        for (const item of items) {
          if (!owes(item)) {
            await removeOwingNothing(item);
            continue;
          }
          const fields = record(item);
          const at = now();
          if (Number(fields[due] ?? 0) > at || Number(fields['leaseUntil'] ?? 0) > at) continue;
          const taken = await take(item, leaseMs);
          if (!taken) continue;
          leased.push(taken);
          if (leased.length >= limit) return leased;
        }
      }
      return leased;
    },

    attempts: (item) => Number(record(item)['attempts'] ?? 0),

    async settle(item) {
      const unchanged = options.settleIfUnchanged ?? [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':holder': holder };
      const conditions = ['leaseHolder = :holder'];
      unchanged.forEach((attribute, position) => {
        names[`#unchanged${position}`] = attribute;
        values[`:unchanged${position}`] = record(item)[attribute];
        conditions.push(`#unchanged${position} = :unchanged${position}`);
      });
      const condition = conditions.join(' AND ');
      let settled: boolean;
      if (options.settle?.keep) {
        const removed = [index.partitionKey, index.sortKey, due, 'attempts', 'leaseHolder', 'leaseUntil'];
        for (const attribute of options.settle.remove ?? []) removed.push(attribute);
        removed.forEach((attribute, position) => (names[`#removed${position}`] = attribute));
        settled = await ignoringConditionFailure(
          documents.send(
            new UpdateCommand({
              TableName: tableName,
              Key: key(item),
              UpdateExpression: `REMOVE ${removed.map((_, position) => `#removed${position}`).join(', ')}`,
              ConditionExpression: condition,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            }),
          ),
        );
      } else {
        settled = await ignoringConditionFailure(
          documents.send(
            new DeleteCommand({
              TableName: tableName,
              Key: key(item),
              ConditionExpression: condition,
              ...(unchanged.length > 0 ? { ExpressionAttributeNames: names } : {}),
              ExpressionAttributeValues: values,
            }),
          ),
        );
      }
      // Changed while it was delivered: it stays for the next delivery, released so that comes soon.
      if (!settled) await release(item);
    },

    async drop(item: OutboxItemKey) {
      await ignoringConditionFailure(
        documents.send(
          new DeleteCommand({
            TableName: tableName,
            Key: key(item),
            ConditionExpression: 'leaseHolder = :holder',
            ExpressionAttributeValues: { ':holder': holder },
          }),
        ),
      );
    },

    async retryLater(item: OutboxItemKey, delayMs: number) {
      await ignoringConditionFailure(
        documents.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(item),
            UpdateExpression:
              'SET #due = :due, attempts = if_not_exists(attempts, :zero) + :one REMOVE leaseHolder, leaseUntil',
            ConditionExpression: 'leaseHolder = :holder',
            ExpressionAttributeNames: { '#due': due },
            ExpressionAttributeValues: { ':due': now() + delayMs, ':zero': 0, ':one': 1, ':holder': holder },
          }),
        ),
      );
    },

    async backlog(): Promise<OutboxBacklog> {
      let pending = 0;
      let oldestSince: Date | undefined;
      for await (const items of waiting()) {
        for (const item of items) {
          if (!owes(item)) continue;
          pending += 1;
          // Oldest first: the first item counted is the oldest.
          if (!oldestSince) {
            const position = String(record(item)[index.sortKey] ?? '');
            const since = Date.parse(position.slice(0, position.indexOf('#')));
            if (!Number.isNaN(since)) oldestSince = new Date(since);
          }
        }
      }
      return { pending, oldestSince };
    },
  };
}
