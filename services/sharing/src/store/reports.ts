import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ReportSubmission } from '@what-if/contracts';
import { isConditionFailure } from '@what-if/kit/dynamodb';
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

/** A report on its way to social: the submission, failed attempts so far, when it is due again. */
export interface PendingReport {
  key: { pk: string; sk: string };
  submission: ReportSubmission;
  attempts: number;
  nextAttemptAt: number;
}

interface ReportItem extends OpenReport {
  pk: string;
  sk: string;
  submission?: ReportSubmission;
  attempts?: number;
  nextAttemptAt?: number;
  leaseUntil?: number;
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
 * What waits for social, oldest first: how many, the oldest's time, and up to `max` that are due
 * and not leased. The index is eventually consistent: a report written a moment ago may show on
 * the next pass, and one just delivered may show once more (its lease then refuses it).
 */
export async function pendingReports(
  context: StoreContext,
  now: number,
  max: number,
): Promise<{ pending: number; oldestReportedAt?: string; due: PendingReport[] }> {
  const due: PendingReport[] = [];
  let pending = 0;
  let oldestReportedAt: string | undefined;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        IndexName: scenarioIndex.name,
        KeyConditionExpression: `${scenarioIndex.partitionKey} = :outbox`,
        ExpressionAttributeValues: { ':outbox': reportOutboxPartition },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of (page.Items ?? []) as ReportItem[]) {
      if (!item.submission) continue;
      pending += 1;
      oldestReportedAt ??= item.reportedAt;
      const leased = item.leaseUntil !== undefined && item.leaseUntil > now;
      if (due.length < max && (item.nextAttemptAt ?? 0) <= now && !leased) {
        due.push({
          key: { pk: item.pk, sk: item.sk },
          submission: item.submission,
          attempts: item.attempts ?? 0,
          nextAttemptAt: item.nextAttemptAt ?? 0,
        });
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { pending, ...(oldestReportedAt ? { oldestReportedAt } : {}), due };
}

/**
 * Takes a report for one delivery attempt: a conditional write, so of several replicas one
 * delivers it at a time. False when another holds it, or it was delivered or removed meanwhile.
 */
export async function leaseReport(
  context: StoreContext,
  entry: PendingReport,
  holder: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: entry.key,
        UpdateExpression: 'SET leaseHolder = :holder, leaseUntil = :until',
        ConditionExpression:
          'attribute_exists(submission) AND id = :id AND (attribute_not_exists(leaseUntil) OR leaseUntil <= :now)',
        ExpressionAttributeValues: {
          ':holder': holder,
          ':until': now + leaseMs,
          ':now': now,
          ':id': entry.submission.id,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Social has the report: it leaves the outbox, and its submission (note, reporter network) is
 * no longer kept here. The report stays open until a decision closes it. A report whose share was
 * deleted meanwhile stays deleted (the condition stops the update from writing it back).
 */
export async function reportDelivered(context: StoreContext, entry: PendingReport): Promise<void> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: entry.key,
        UpdateExpression: `REMOVE submission, attempts, nextAttemptAt, leaseHolder, leaseUntil, ${scenarioIndex.partitionKey}, ${scenarioIndex.sortKey}`,
        ConditionExpression: 'attribute_exists(pk) AND id = :id',
        ExpressionAttributeValues: { ':id': entry.submission.id },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** A failed attempt: counted, due again at `nextAttemptAt`, and released if this relay still holds it. */
export async function postponeReport(
  context: StoreContext,
  entry: PendingReport,
  holder: string,
  nextAttemptAt: number,
): Promise<void> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: entry.key,
        UpdateExpression:
          'SET attempts = attempts + :one, nextAttemptAt = :next REMOVE leaseHolder, leaseUntil',
        ConditionExpression: 'leaseHolder = :holder',
        ExpressionAttributeValues: { ':one': 1, ':next': nextAttemptAt, ':holder': holder },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Removes every report a deleted account filed, on whoever's shares (the owner index's `REPORTER#` partition). */
export async function forgetReporter(context: StoreContext, userId: string): Promise<number> {
  let removed = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        IndexName: ownerIndex.name,
        KeyConditionExpression: `${ownerIndex.partitionKey} = :reporter`,
        ExpressionAttributeValues: { ':reporter': reporterPartition(userId) },
        ExclusiveStartKey: start,
      }),
    );
    const keys = ((page.Items ?? []) as ReportItem[]).map((item) => ({ pk: item.pk, sk: item.sk }));
    for (let index = 0; index < keys.length; index += 25) {
      let requests = keys.slice(index, index + 25).map((Key) => ({ DeleteRequest: { Key } }));
      while (requests.length > 0) {
        const result = await context.documents.send(
          new BatchWriteCommand({ RequestItems: { [context.tableName]: requests } }),
        );
        requests = (result.UnprocessedItems?.[context.tableName] ?? []) as typeof requests;
      }
    }
    removed += keys.length;
    start = page.LastEvaluatedKey;
  } while (start);
  return removed;
}
