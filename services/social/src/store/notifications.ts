import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { collectItems, isConditionFailure, queryPages } from '@what-if/kit/dynamodb';
import { chronologicalKey, gsi1, gsi2 } from './keys';
import { type Page, readPage } from './read-page';
import type { StoreContext } from './store-context';

/**
 * Notifications (the service README's table design). A recipient's notifications live in the
 * partition `NOTIFY#<user>`, one item per group: the events that read as one line ("Ada and 12
 * others liked your post") share a group key, and while the group is unread a new event joins
 * it; once read, the next event opens a new burst in the same item. gsi1 lists a recipient's
 * notifications by last activity; gsi2 (`UNREAD#<user>`) holds the unread ones only. The
 * `UNREAD` item counts them: every change of an item between read and unread moves it by one
 * in the same request, and its `version` moves on every change (what live streams watch).
 *
 * Markers `ABOUT#USER#<actor>`, `ABOUT#POST#<post>` and `ABOUT#COMMENT#<comment>` (sort key
 * `<recipient>#<id>`) find the notifications an account, a post or a comment (the one a mention
 * is in) caused, so deleting it removes them. Each marker is also listed on gsi1 under its
 * notification (`MARKERS#<recipient>#<id>`), so a notification that goes takes every marker
 * pointing at it, those of actors counted past the named ones and of earlier bursts included.
 * An actor's marker remembers the burst it was counted in past the named ones (`overflowIn`,
 * the burst's `createdAt`), so a deleted account leaves that count too.
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
export const groupSortKey = (id: string): string => `GROUP#${id}`;
const counterSortKey = 'UNREAD';
const preferencesSortKey = 'PREFS';
const aboutUser = (userId: string): string => `ABOUT#USER#${userId}`;
const aboutPost = (postId: string): string => `ABOUT#POST#${postId}`;
const aboutComment = (commentId: string): string => `ABOUT#COMMENT#${commentId}`;
/** gsi1 of the markers: every marker that points at one notification, whichever partition holds it. */
export const markersOfGroup = (recipientId: string, id: string): string => `MARKERS#${recipientId}#${id}`;
const markerSortKey = (recipientId: string, id: string): string => `${recipientId}#${id}`;

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
  /** The comment whose deletion takes this notification (a mention in it). */
  aboutComment?: string;
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
  /** A comment whose deletion takes this notification with it (the comment a mention is in). */
  removedWithComment?: string;
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
    ...(notification.removedWithComment ? [aboutComment(notification.removedWithComment)] : []),
  ];
  const markerKey = markerSortKey(notification.recipientId, id);
  // Markers first: a crash after them leaves a marker that finds nothing, never a notification
  // that deletion cannot find. An update, not a put: the actor's marker keeps `overflowIn`.
  let countedInBurst: string | undefined;
  for (const marker of markers) {
    const written = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: marker, sk: markerKey },
        UpdateExpression: 'SET #recipientId = :recipientId, #id = :id, #gsi1pk = :group, #gsi1sk = :marker',
        ExpressionAttributeNames: {
          '#recipientId': 'recipientId',
          '#id': 'id',
          '#gsi1pk': gsi1.partitionKey,
          '#gsi1sk': gsi1.sortKey,
        },
        ExpressionAttributeValues: {
          ':recipientId': notification.recipientId,
          ':id': id,
          ':group': markersOfGroup(notification.recipientId, id),
          ':marker': marker,
        },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const overflowIn = written.Attributes?.['overflowIn'];
    if (notification.actorId && marker === aboutUser(notification.actorId) && typeof overflowIn === 'string')
      countedInBurst = overflowIn;
  }
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const joined = await joinUnread(context, key, notification.actorId, at, position, countedInBurst);
    if (joined) {
      if (joined.overflowBurst && notification.actorId) {
        await context.documents.send(
          new UpdateCommand({
            TableName: context.tableName,
            Key: { pk: aboutUser(notification.actorId), sk: markerKey },
            UpdateExpression: 'SET overflowIn = :burst',
            ExpressionAttributeValues: { ':burst': joined.overflowBurst },
          }),
        );
      }
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
            ...(notification.removedWithComment ? { aboutComment: notification.removedWithComment } : {}),
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

/**
 * Joins an unread burst: names the actor, or counts them past the named ones (once per burst:
 * `countedInBurst` is the burst their marker says they were counted in). Answers undefined when
 * no burst is unread, else the burst's `createdAt` when this event counted the actor past the
 * named ones.
 */
async function joinUnread(
  context: StoreContext,
  key: { pk: string; sk: string },
  actorId: string | undefined,
  at: string,
  position: string,
  countedInBurst: string | undefined,
): Promise<{ overflowBurst?: string } | undefined> {
  const moved = {
    '#read': 'read',
    '#updatedAt': 'updatedAt',
    '#gsi1sk': gsi1.sortKey,
    '#gsi2sk': gsi2.sortKey,
  };
  const counted = countedInBurst ? { ':burst': countedInBurst } : {};
  const attempts: Array<{
    UpdateExpression: string;
    ConditionExpression: string;
    ExpressionAttributeValues: Record<string, unknown>;
    countsOverflow?: boolean;
  }> = actorId
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
        // Already counted past the named ones in this burst: the entry moves, the count stays.
        ...(countedInBurst
          ? [
              {
                UpdateExpression:
                  'SET lastActorId = :actorId, #updatedAt = :at, #gsi1sk = :position, #gsi2sk = :position',
                ConditionExpression: '#read = :false AND createdAt = :burst',
                ExpressionAttributeValues: { ':actorId': actorId, ...counted },
              },
            ]
          : []),
        {
          UpdateExpression:
            'ADD overflow :one SET lastActorId = :actorId, #updatedAt = :at, #gsi1sk = :position, #gsi2sk = :position',
          ConditionExpression: countedInBurst ? '#read = :false AND createdAt <> :burst' : '#read = :false',
          ExpressionAttributeValues: { ':one': 1, ':actorId': actorId, ...counted },
          countsOverflow: true,
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
      const result = await context.documents.send(
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
          ReturnValues: attempt.countsOverflow ? 'ALL_NEW' : 'NONE',
        }),
      );
      return attempt.countsOverflow ? { overflowBurst: String(result.Attributes?.['createdAt']) } : {};
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  return undefined;
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

/** Removes one notification, moving the count when it was unread, and every marker pointing at it. */
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
  await dropMarkersOf(context, recipientId, id, removed.Attributes as Partial<NotificationItem> | undefined);
}

/**
 * Drops every marker that points at a notification that is gone: those its gsi1 entry lists
 * (every actor it ever counted, its post, its comment), and, for markers written before they
 * had that entry, those the notification itself names.
 */
async function dropMarkersOf(
  context: StoreContext,
  recipientId: string,
  id: string,
  notification: Partial<NotificationItem> | undefined,
): Promise<void> {
  const partitions = new Set<string>([
    ...[...(notification?.actors ?? [])].map(aboutUser),
    ...(notification?.lastActorId ? [aboutUser(notification.lastActorId)] : []),
    ...(notification?.subject?.postId ? [aboutPost(notification.subject.postId)] : []),
    ...(notification?.aboutComment ? [aboutComment(notification.aboutComment)] : []),
  ]);
  const markers = queryPages(context, {
    IndexName: gsi1.name,
    KeyConditionExpression: '#pk = :group',
    ExpressionAttributeNames: { '#pk': gsi1.partitionKey },
    ExpressionAttributeValues: { ':group': markersOfGroup(recipientId, id) },
  });
  for await (const page of markers) for (const marker of page.items) partitions.add(String(marker['pk']));
  for (const partition of partitions) await dropMarker(context, partition, markerSortKey(recipientId, id));
}

interface Marker {
  recipientId: string;
  id: string;
  sk: string;
  /** The burst (its `createdAt`) that counted this actor past the named ones, if one did. */
  overflowIn?: string;
}

async function markersOf(context: StoreContext, partition: string): Promise<Marker[]> {
  const items = await collectItems(
    queryPages(context, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ConsistentRead: true,
    }),
  );
  return items.map((item) => ({
    recipientId: String(item['recipientId']),
    id: String(item['id']),
    sk: String(item['sk']),
    ...(typeof item['overflowIn'] === 'string' ? { overflowIn: item['overflowIn'] } : {}),
  }));
}

async function dropMarker(context: StoreContext, partition: string, sk: string): Promise<void> {
  await context.documents.send(
    new DeleteCommand({ TableName: context.tableName, Key: { pk: partition, sk } }),
  );
}

/** Every notification a marker partition points at goes, then the markers. Answers how many. */
async function forgetMarked(context: StoreContext, partition: string): Promise<number> {
  const markers = await markersOf(context, partition);
  for (const marker of markers) {
    await removeNotification(context, marker.recipientId, marker.id);
    await dropMarker(context, partition, marker.sk);
  }
  return markers.length;
}

/** A deleted post: every notification about it goes. Answers how many. */
export function forgetPostNotifications(context: StoreContext, postId: string): Promise<number> {
  return forgetMarked(context, aboutPost(postId));
}

/** A deleted comment: the notifications it alone caused (the mentions in it) go. Answers how many. */
export function forgetCommentNotifications(context: StoreContext, commentId: string): Promise<number> {
  return forgetMarked(context, aboutComment(commentId));
}

/**
 * A deleted account: its own notifications go, and it leaves every group it is named in (a
 * group it alone made goes). Answers how many notifications changed or went.
 */
export async function forgetAccountNotifications(context: StoreContext, userId: string): Promise<number> {
  let changed = 0;
  const own = queryPages(context, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': notificationPartition(userId) },
  });
  for await (const page of own) {
    for (const item of page.items) {
      // The markers that point at this notification name the account as its recipient: they go too.
      const notification = item as Partial<NotificationItem>;
      if (String(item['sk']).startsWith(groupSortKey('')) && notification.id)
        await dropMarkersOf(context, userId, notification.id, notification);
      await context.documents.send(
        new DeleteCommand({ TableName: context.tableName, Key: { pk: item['pk'], sk: item['sk'] } }),
      );
      changed += 1;
    }
  }
  for (const marker of await markersOf(context, aboutUser(userId))) {
    await leaveGroup(context, marker, userId);
    await dropMarker(context, aboutUser(userId), marker.sk);
    changed += 1;
  }
  return changed;
}

/**
 * Takes an actor out of a group: out of its named actors, or out of the count past them when
 * this burst counted them there (their marker says so, or they are its latest), and never its
 * latest any more. Conditional on what was read; the group goes when no one is left.
 */
async function leaveGroup(context: StoreContext, marker: Marker, actorId: string): Promise<void> {
  const key = { pk: notificationPartition(marker.recipientId), sk: groupSortKey(marker.id) };
  for (;;) {
    const current = await context.documents.send(
      new GetCommand({ TableName: context.tableName, Key: key, ConsistentRead: true }),
    );
    const item = current.Item as NotificationItem | undefined;
    if (!item) return;
    const named = item.actors?.has(actorId) ?? false;
    const overflow = item.overflow ?? 0;
    const counted =
      !named &&
      overflow > 0 &&
      (item.lastActorId === actorId ||
        (marker.overflowIn !== undefined && marker.overflowIn === item.createdAt));
    if (!named && !counted) return;
    const remaining = [...(item.actors ?? [])].filter((actor) => actor !== actorId);
    if (remaining.length === 0 && overflow - (counted ? 1 : 0) <= 0) {
      await removeNotification(context, marker.recipientId, marker.id);
      return;
    }
    const sets: string[] = [];
    const removes: string[] = [];
    const values: Record<string, unknown> = { ':updatedAt': item.updatedAt };
    if (item.lastActorId === actorId) {
      if (remaining.length > 0) {
        sets.push('lastActorId = :next');
        values[':next'] = remaining[remaining.length - 1];
      } else {
        removes.push('lastActorId');
      }
    }
    const changes = [
      ...(named ? ['DELETE actors :actor'] : []),
      ...(counted ? ['ADD overflow :minusOne'] : []),
      ...(sets.length ? [`SET ${sets.join(', ')}`] : []),
      ...(removes.length ? [`REMOVE ${removes.join(', ')}`] : []),
    ];
    if (named) values[':actor'] = new Set([actorId]);
    if (counted) values[':minusOne'] = -1;
    try {
      await context.documents.send(
        new UpdateCommand({
          TableName: context.tableName,
          Key: key,
          UpdateExpression: changes.join(' '),
          ConditionExpression: '#updatedAt = :updatedAt',
          ExpressionAttributeNames: { '#updatedAt': 'updatedAt' },
          ExpressionAttributeValues: values,
        }),
      );
      return;
    } catch (error) {
      // The group moved meanwhile: read it again.
      if (!isConditionFailure(error)) throw error;
    }
  }
}
