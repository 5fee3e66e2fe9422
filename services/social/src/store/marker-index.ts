import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, scanPages } from '@what-if/kit/dynamodb';
import { groupSortKey, markersOfGroup, notificationPartition } from './notifications';
import type { StoreContext } from './store-context';

/** What indexNotificationMarkers did. */
export interface MarkerIndexReport {
  /** Markers of notifications that still exist, now listed under their notification. */
  markersIndexed: number;
  /** Markers pointing at a notification that is gone, removed. */
  staleMarkersRemoved: number;
}

/**
 * Lists the notification markers written before markers carried their notification's gsi1
 * entry (`MARKERS#<recipient>#<id>`) under it, so that a notification that goes, or its
 * recipient's account purge, finds every marker naming the recipient, those of actors counted
 * past the 20 named included; a marker whose notification is already gone is removed. A
 * maintenance job run once after upgrading, never on a request path: it walks the table with a
 * Scan. Safe to repeat and to run while the service writes (each write is conditional on the
 * marker still being there without the entry).
 */
export async function indexNotificationMarkers(context: StoreContext): Promise<MarkerIndexReport> {
  const report: MarkerIndexReport = { markersIndexed: 0, staleMarkersRemoved: 0 };
  const pages = scanPages(context, {
    FilterExpression: 'begins_with(pk, :about) AND attribute_not_exists(gsi1pk)',
    ExpressionAttributeValues: { ':about': 'ABOUT#' },
  });
  for await (const page of pages) {
    for (const marker of page.items) {
      const key = { pk: String(marker['pk']), sk: String(marker['sk']) };
      const recipientId = String(marker['recipientId']);
      const id = String(marker['id']);
      const notification = await context.documents.send(
        new GetCommand({
          TableName: context.tableName,
          Key: { pk: notificationPartition(recipientId), sk: groupSortKey(id) },
          ConsistentRead: true,
        }),
      );
      try {
        if (notification.Item) {
          await context.documents.send(
            new UpdateCommand({
              TableName: context.tableName,
              Key: key,
              UpdateExpression: 'SET gsi1pk = :group, gsi1sk = :marker',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi1pk)',
              ExpressionAttributeValues: { ':group': markersOfGroup(recipientId, id), ':marker': key.pk },
            }),
          );
          report.markersIndexed += 1;
        } else {
          await context.documents.send(
            new DeleteCommand({
              TableName: context.tableName,
              Key: key,
              ConditionExpression: 'attribute_not_exists(gsi1pk)',
            }),
          );
          report.staleMarkersRemoved += 1;
        }
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }
  return report;
}
