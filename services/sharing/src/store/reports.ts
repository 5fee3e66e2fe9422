import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportSubmission } from '@what-if/contracts';
import {
  type DynamoOutbox,
  dynamoOutbox,
  isConditionFailure,
  queryPages,
  writeBatches,
} from '@what-if/kit/dynamodb';
import {
  openReportSortKey,
  ownerIndex,
  reportOutboxPartition,
  reporterPartition,
  scenarioIndex,
  sharePartition,
} from './keys';
import type { StoreContext } from './store-context';

export interface OpenReport {
  id: string;
  reason: string;
  reportedAt: string;
}

interface ReportItem extends OpenReport {
  pk: string;
  sk: string;
  submission?: ReportSubmission;
}

/** A report in the outbox, as a relay leased it: its submission is what social is sent. */
export interface WaitingReport extends ReportItem {
  submission: ReportSubmission;
}

/**
 * Opens a reporter's report on a share, once, and puts it on its way to social in the same
 * write: the report item is its own outbox record (the scenario index's `OUTBOX#reports`
 * partition lists it until social acknowledges), so no report is opened without being sent and
 * none is sent twice for one opening. The conditional write refuses a second open report from the
 * same reporter (the signed-in user, or the network for anyone else) and hands back the first.
 * The item lives in the share's partition: it goes with the share, and a signed-in reporter's
 * items are found by the owner index under `REPORTER#<user>` when their account is deleted.
 */
export async function openReport(
  context: StoreContext,
  slug: string,
  reporter: string,
  submission: ReportSubmission,
): Promise<{ opened: true } | { opened: false; existing: OpenReport }> {
  const { id, reason, reportedAt } = submission;
  const reporterId = submission.reporter.userId;
  try {
    await context.documents.send(
      new PutCommand({
        TableName: context.tableName,
        Item: {
          pk: sharePartition(slug),
          sk: openReportSortKey(reporter),
          id,
          reason,
          reportedAt,
          submission,
          attempts: 0,
          nextAttemptAt: 0,
          [scenarioIndex.partitionKey]: reportOutboxPartition,
          [scenarioIndex.sortKey]: `${reportedAt}#${id}`,
          ...(reporterId
            ? {
                [ownerIndex.partitionKey]: reporterPartition(reporterId),
                [ownerIndex.sortKey]: `${reportedAt}#${id}`,
              }
            : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { opened: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const existing = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: sharePartition(slug), sk: openReportSortKey(reporter) },
      ConsistentRead: true,
    }),
  );
  const item = existing.Item as ReportItem | undefined;
  // Closed between the refusal and this read: the report may be opened anew.
  if (!item) return openReport(context, slug, reporter, submission);
  return { opened: false, existing: { id: item.id, reason: item.reason, reportedAt: item.reportedAt } };
}

/**
 * The report outbox: open reports not yet acknowledged by social, listed oldest first on the
 * scenario index's `OUTBOX#reports` partition, leased and retried by the kit's DynamoDB outbox.
 * Delivered, a report leaves the outbox and its submission (note, reporter network) is no
 * longer kept here; it stays open until a decision closes it. A report closed (deleted) meanwhile
 * stays deleted, and one opened anew in its place is a new outbox item (`id` must be unchanged).
 */
export function reportOutbox(context: StoreContext): DynamoOutbox<WaitingReport> {
  return dynamoOutbox<WaitingReport>({
    ...context,
    index: scenarioIndex,
    partition: reportOutboxPartition,
    dueAttribute: 'nextAttemptAt',
    settle: { keep: true, remove: ['submission'] },
    settleIfUnchanged: ['id'],
  });
}

/** Removes every report a deleted account filed, on whoever's shares (the owner index's `REPORTER#` partition). */
export async function forgetReporter(context: StoreContext, userId: string): Promise<number> {
  let removed = 0;
  const pages = queryPages<ReportItem>(context, {
    IndexName: ownerIndex.name,
    KeyConditionExpression: `${ownerIndex.partitionKey} = :reporter`,
    ExpressionAttributeValues: { ':reporter': reporterPartition(userId) },
  });
  for await (const page of pages) {
    const keys = page.items.map((item) => ({ pk: item.pk, sk: item.sk }));
    await writeBatches(
      context,
      keys.map((Key) => ({ DeleteRequest: { Key } })),
    );
    removed += keys.length;
  }
  return removed;
}
