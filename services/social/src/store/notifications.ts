import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { chronologicalKey, gsi1, gsi2 } from './keys';
import { type Page, readPage } from './read-page';
import { type StoreContext, isConditionFailure } from './store-context';

/**
 * Notifications (the service README's table design). A recipient's notifications live in the
 * partition `NOTIFY#<user>`, one item per group: the events that read as one line ("Ada and 12
 * others liked your post") share a group key, and while the group is unread a new event joins
 * it; once read, the next event opens a new burst in the same item. gsi1 lists a recipient's
 * notifications by last activity; gsi2 (`UNREAD#<user>`) holds the unread ones only. The
 * `UNREAD` item counts them: every change of an item between read and unread moves it by one
 * in the same request, and its `version` moves on every change (what live streams watch).
 *
 * Markers `ABOUT#USER#<actor>` and `ABOUT#POST#<post>` (sort key `<recipient>#<id>`) find the
 * notifications an account or a post caused, so deleting either removes them.
 */
export const notificationTypes = [
  'follow',
  'like',
  'comment',
  'reply',
  'mention',
  'achievement',
  'moderation',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

export const notificationPartition = (userId: string): string => `NOTIFY#${userId}`;
const unreadPartition = (userId: string): string => `UNREAD#${userId}`;
const groupSortKey = (id: string): string => `GROUP#${id}`;
const counterSortKey = 'UNREAD';
const preferencesSortKey = 'PREFS';
const aboutUser = (userId: string): string => `ABOUT#USER#${userId}`;
const aboutPost = (postId: string): string => `ABOUT#POST#${postId}`;

/** How many actors a group names; more are counted, not named. */
const namedActors = 20;

/** What a notification is about: ids only, the client reads the rest. */
export interface NotificationSubject {
  postId?: string;
  commentId?: string;
  shareId?: string;
  scenarioId?: string;
  achievementId?: string;
  /** A moderation decision: hide, remove, restore or warn. */
  action?: string;
}

export interface NotificationItem {
  pk: string;
  sk: string;
  id: string;
  type: NotificationType;
  subject: NotificationSubject;
  actors?: Set<string>;
  /** Actors beyond the named ones. */
  overflow?: number;
  lastActorId?: string;
  read: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewNotification {
  recipientId: string;
  type: NotificationType;
  /** Events with the same key read as one line while unread. */
  groupKey: string;
  actorId?: string;
  subject: NotificationSubject;
}

/** A notification's id: its group key, hashed (hex, so it reads as a cursor's id part). */
export const notificationId = (groupKey: string): string =>
  createHash('sha256').update(groupKey).digest('hex').slice(0, 32);

async function moveCounter(context: StoreContext, userId: string, unread: number): Promise<void> {
  await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: { pk: notificationPartition(userId), sk: counterSortKey },
      UpdateExpression: 'ADD unread :unread, version :one',
      ExpressionAttributeValues: { ':unread': unread, ':one': 1 },
    }),
  );
}

/**
 * Adds an event to its group: joins the unread burst when there is one, else opens a new one
 * (conditional on the item being absent or read, so of two concurrent events one opens it and
 * the other joins). Answers the notification as it now is.
 */
export async function addNotification(
  context: StoreContext,
  notification: NewNotification,
  now: Date,
): Promise<void> {
  const id = notificationId(notification.groupKey);
  const key = { pk: notificationPartition(notification.recipientId), sk: groupSortKey(id) };
  const position = chronologicalKey(now.toISOString(), id);
  const at = now.toISOString();
  const markers = [
    ...(notification.actorId ? [aboutUser(notification.actorId)] : []),
    ...(notification.subject.postId ? [aboutPost(notification.subject.postId)] : []),
  ];
  // Markers first: a crash after them leaves a marker that finds nothing, never a notification
  // that deletion cannot find.
  for (const marker of markers) {
    await context.documents.send(
      new PutCommand({
        TableName: context.tableName,
        Item: {
          pk: marker,
          sk: `${notification.recipientId}#${id}`,
          recipientId: notification.recipientId,
          id,
        },
      }),
    );
  }
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await joinUnread(context, key, notification.actorId, at, position)) {
      await moveCounter(context, notification.recipientId, 0);
      return;
    }
    try {
      await context.documents.send(
        new PutCommand({
          TableName: context.tableName,
          Item: {
            ...key,
            id,
            type: notification.type,
            subject: notification.subject,
            ...(notification.actorId
              ? { actors: new Set([notification.actorId]), lastActorId: notification.actorId }
              : {}),
            overflow: 0,
            read: false,
            createdAt: at,
            updatedAt: at,
            [gsi1.partitionKey]: notificationPartition(notification.recipientId),
            [gsi1.sortKey]: position,
            [gsi2.partitionKey]: unreadPartition(notification.recipientId),
            [gsi2.sortKey]: position,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #read = :true',
          ExpressionAttributeNames: { '#read': 'read' },
          ExpressionAttributeValues: { ':true': true },
        }),
      );
      await moveCounter(context, notification.recipientId, 1);
      return;
    } catch (error) {
      // Opened by a concurrent event in between: join it.
      if (!isConditionFailure(error)) throw error;
    }
  }
  throw new Error(`notification ${id} kept changing; gave up after 5 attempts`);
}

/** Joins an unread burst: names the actor (or counts them past the named ones); false when none is unread. */
async function joinUnread(
  context: StoreContext,
  key: { pk: string; sk: string },
  actorId: string | undefined,
  at: string,
  position: string,
): Promise<boolean> {
  const moved = {
    '#read': 'read',
    '#updatedAt': 'updatedAt',
    '#gsi1sk': gsi1.sortKey,
    '#gsi2sk': gsi2.sortKey,
  };
  const attempts = actorId
    ? [
        {
          UpdateExpression:
            'ADD actors :actor SET lastActorId = :actorId, #updatedAt = :at, #gsi1sk = :position, #gsi2sk = :position',
          ConditionExpression: '#read = :false AND (size(actors) < :named OR contains(actors, :actorId))',
          ExpressionAttributeValues: {
            ':actor': new Set([actorId]),
            ':actorId': actorId,
            ':named': namedActors,
          },
        },
        {
          UpdateExpression:
            'ADD overflow :one SET lastActorId = :actorId, #updatedAt = :at, #gsi1sk = :position, #gsi2sk = :position',
          ConditionExpression: '#read = :false',
          ExpressionAttributeValues: { ':one': 1, ':actorId': actorId },
        },
      ]
    : [
        {
          UpdateExpression: 'SET #updatedAt = :at, #gsi1sk = :position, #gsi2sk = :position',
          ConditionExpression: '#read = :false',
          ExpressionAttributeValues: {},
        },
      ];
  for (const attempt of attempts) {
    try {
      await context.documents.send(
        new UpdateCommand({
          TableName: context.tableName,
          Key: key,
          UpdateExpression: attempt.UpdateExpression,
          ConditionExpression: attempt.ConditionExpression,
          ExpressionAttributeNames: moved,
          ExpressionAttributeValues: {
            ...attempt.ExpressionAttributeValues,
            ':false': false,
            ':at': at,
            ':position': position,
          },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  return false;
}

/** A recipient's notifications by last activity, newest first; unread ones only when asked. */
export async function listNotifications(
  context: StoreContext,
  request: { userId: string; limit: number; after?: string; unreadOnly: boolean },
): Promise<Page<NotificationItem>> {
  const index = request.unreadOnly ? gsi2 : gsi1;
  return readPage<NotificationItem & Record<string, unknown>>(context, {
    listing: { index: index.name, partitionKey: index.partitionKey, sortKey: index.sortKey },
    partition: request.unreadOnly ? unreadPartition(request.userId) : notificationPartition(request.userId),
    limit: request.limit,
    ...(request.after ? { after: request.after } : {}),
  });
}

export async function unreadState(
  context: StoreContext,
  userId: string,
): Promise<{ unread: number; version: number }> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: notificationPartition(userId), sk: counterSortKey },
      ConsistentRead: true,
    }),
  );
  return {
    // May dip below zero for an instant while a read and a new event cross.
    unread: Math.max(0, Number(result.Item?.['unread'] ?? 0)),
    version: Number(result.Item?.['version'] ?? 0),
  };
}

/** Marks one notification read; false when there is no such notification. */
export async function markRead(context: StoreContext, userId: string, id: string): Promise<boolean> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: notificationPartition(userId), sk: groupSortKey(id) },
        UpdateExpression: 'SET #read = :true REMOVE #gsi2pk, #gsi2sk',
        ConditionExpression: '#read = :false',
        ExpressionAttributeNames: { '#read': 'read', '#gsi2pk': gsi2.partitionKey, '#gsi2sk': gsi2.sortKey },
        ExpressionAttributeValues: { ':true': true, ':false': false },
      }),
    );
    await moveCounter(context, userId, -1);
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const existing = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: notificationPartition(userId), sk: groupSortKey(id) },
    }),
  );
  return existing.Item !== undefined;
}

/** Marks every unread notification read (each as `markRead` does, so the count stays exact). */
export async function markAllRead(context: StoreContext, userId: string): Promise<number> {
  let marked = 0;
  let after: string | undefined;
  do {
    const page = await listNotifications(context, {
      userId,
      limit: 50,
      unreadOnly: true,
      ...(after ? { after } : {}),
    });
    for (const item of page.items) if (await markRead(context, userId, item.id)) marked += 1;
    after = page.after;
  } while (after);
  return marked;
}

export async function disabledTypes(context: StoreContext, userId: string): Promise<Set<NotificationType>> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: notificationPartition(userId), sk: preferencesSortKey },
      ConsistentRead: true,
    }),
  );
  const disabled = result.Item?.['disabled'];
  return new Set(Array.isArray(disabled) ? (disabled as NotificationType[]) : []);
}

export async function setDisabledTypes(
  context: StoreContext,
  userId: string,
  disabled: ReadonlySet<NotificationType>,
): Promise<void> {
  await context.documents.send(
    new PutCommand({
      TableName: context.tableName,
      Item: { pk: notificationPartition(userId), sk: preferencesSortKey, disabled: [...disabled].sort() },
    }),
  );
}

/** Removes one notification, moving the count when it was unread. */
async function removeNotification(context: StoreContext, recipientId: string, id: string): Promise<void> {
  const removed = await context.documents.send(
    new DeleteCommand({
      TableName: context.tableName,
      Key: { pk: notificationPartition(recipientId), sk: groupSortKey(id) },
      ReturnValues: 'ALL_OLD',
    }),
  );
  if (removed.Attributes)
    await moveCounter(context, recipientId, removed.Attributes['read'] === false ? -1 : 0);
}

async function markersOf(
  context: StoreContext,
  partition: string,
): Promise<{ recipientId: string; id: string; sk: string }[]> {
  const markers: { recipientId: string; id: string; sk: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? [])
      markers.push({
        recipientId: String(item['recipientId']),
        id: String(item['id']),
        sk: String(item['sk']),
      });
    start = page.LastEvaluatedKey;
  } while (start);
  return markers;
}

async function dropMarker(context: StoreContext, partition: string, sk: string): Promise<void> {
  await context.documents.send(
    new DeleteCommand({ TableName: context.tableName, Key: { pk: partition, sk } }),
  );
}

/** A deleted post: every notification about it goes. Answers how many. */
export async function forgetPostNotifications(context: StoreContext, postId: string): Promise<number> {
  const markers = await markersOf(context, aboutPost(postId));
  for (const marker of markers) {
    await removeNotification(context, marker.recipientId, marker.id);
    await dropMarker(context, aboutPost(postId), marker.sk);
  }
  return markers.length;
}

/**
 * A deleted account: its own notifications go, and it leaves every group it is named in (a
 * group it alone made goes). Answers how many notifications changed or went.
 */
export async function forgetAccountNotifications(context: StoreContext, userId: string): Promise<number> {
  let changed = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': notificationPartition(userId) },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      // The markers that point at this notification name the account as its recipient: they go too.
      const notification = item as Partial<NotificationItem>;
      const markerKey = `${userId}#${String(notification.id)}`;
      const partitions = [
        ...[...(notification.actors ?? [])].map(aboutUser),
        ...(notification.lastActorId ? [aboutUser(notification.lastActorId)] : []),
        ...(notification.subject?.postId ? [aboutPost(notification.subject.postId)] : []),
      ];
      if (notification.id)
        for (const partition of new Set(partitions)) await dropMarker(context, partition, markerKey);
      await context.documents.send(
        new DeleteCommand({ TableName: context.tableName, Key: { pk: item['pk'], sk: item['sk'] } }),
      );
      changed += 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  for (const marker of await markersOf(context, aboutUser(userId))) {
    await leaveGroup(context, marker.recipientId, marker.id, userId);
    await dropMarker(context, aboutUser(userId), marker.sk);
    changed += 1;
  }
  return changed;
}

/** Takes an actor out of a group, conditionally on what was read; the group goes when no one is left. */
async function leaveGroup(
  context: StoreContext,
  recipientId: string,
  id: string,
  actorId: string,
): Promise<void> {
  const key = { pk: notificationPartition(recipientId), sk: groupSortKey(id) };
  for (;;) {
    const current = await context.documents.send(
      new GetCommand({ TableName: context.tableName, Key: key, ConsistentRead: true }),
    );
    const item = current.Item as NotificationItem | undefined;
    if (!item?.actors?.has(actorId)) return;
    const remaining = [...item.actors].filter((actor) => actor !== actorId);
    if (remaining.length === 0 && !item.overflow) {
      await removeNotification(context, recipientId, id);
      return;
    }
    try {
      await context.documents.send(
        new UpdateCommand({
          TableName: context.tableName,
          Key: key,
          UpdateExpression:
            remaining.length > 0
              ? 'DELETE actors :actor SET lastActorId = :next'
              : 'DELETE actors :actor REMOVE lastActorId',
          ConditionExpression: 'contains(actors, :actorId) AND #updatedAt = :updatedAt',
          ExpressionAttributeNames: { '#updatedAt': 'updatedAt' },
          ExpressionAttributeValues: {
            ':actor': new Set([actorId]),
            ':actorId': actorId,
            ':updatedAt': item.updatedAt,
            ...(remaining.length > 0 ? { ':next': remaining[remaining.length - 1] } : {}),
          },
        }),
      );
      return;
    } catch (error) {
      // The group moved meanwhile: read it again.
      if (!isConditionFailure(error)) throw error;
    }
  }
}
