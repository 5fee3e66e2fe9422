import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { openReportSortKey, sharePartition } from './keys';
import { type StoreContext, isConditionFailure } from './store-context';

export interface OpenReport {
  id: string;
  reason: string;
  reportedAt: string;
}

/**
 * Opens a reporter's report on a share, once: the conditional write refuses a second open report
 * from the same reporter (signed-in user, or network for anyone else) and hands back the first.
 * The marker lives in the share's partition, so it goes with the share, and a moderation
 * decision on the share closes it.
 */
export async function openReport(
  context: StoreContext,
  slug: string,
  reporter: string,
  report: OpenReport,
): Promise<{ opened: true } | { opened: false; existing: OpenReport }> {
  try {
    await context.documents.send(
      new PutCommand({
        TableName: context.tableName,
        Item: { pk: sharePartition(slug), sk: openReportSortKey(reporter), ...report },
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
  const item = existing.Item as OpenReport | undefined;
  // Closed between the refusal and this read: the report may be opened anew.
  if (!item) return openReport(context, slug, reporter, report);
  return { opened: false, existing: { id: item.id, reason: item.reason, reportedAt: item.reportedAt } };
}
