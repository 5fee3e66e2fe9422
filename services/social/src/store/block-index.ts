import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, scanPages } from '@what-if/kit/dynamodb';
import { blockSortKey, blockingPartition, chronologicalKey, userPartition } from './keys';
import type { StoreContext } from './store-context';

/** What indexBlocks did: blocks given their block-list entry, and those already listed. */
export interface BlockIndexReport {
  blocksIndexed: number;
  alreadyListed: number;
}

/**
 * Gives the blocks made before the block list was paged from gsi2 (commit 317ce1e) their
 * `BLOCKING#<blocker>` entry, so they show in their blocker's list again (they kept working:
 * every other read of a block goes by its key or its gsi1 entry). A maintenance job run once
 * after upgrading, never on a request path: it walks the table with a Scan. Safe to repeat and
 * to run while the service writes: each write is conditional on the block still being there
 * and still without the entry (an unblock meanwhile wins; a block made meanwhile has it).
 */
export async function indexBlocks(context: StoreContext): Promise<BlockIndexReport> {
  const report: BlockIndexReport = { blocksIndexed: 0, alreadyListed: 0 };
  const blockerPrefix = userPartition('');
  const blockedPrefix = blockSortKey('');
  const pages = scanPages(context, {
    FilterExpression: 'begins_with(pk, :user) AND begins_with(sk, :blocks)',
    ExpressionAttributeValues: { ':user': blockerPrefix, ':blocks': blockedPrefix },
  });
  for await (const page of pages) {
    for (const item of page.items) {
      if (item['gsi2pk'] !== undefined) {
        report.alreadyListed += 1;
        continue;
      }
      // The keys name both accounts, whatever else an old item holds.
      const blockerId = String(item['pk']).slice(blockerPrefix.length);
      const blockedId = String(item['sk']).slice(blockedPrefix.length);
      const createdAt = typeof item['createdAt'] === 'string' ? item['createdAt'] : new Date(0).toISOString();
      try {
        await context.documents.send(
          new UpdateCommand({
            TableName: context.tableName,
            Key: { pk: item['pk'], sk: item['sk'] },
            UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi2pk)',
            ExpressionAttributeValues: {
              ':pk': blockingPartition(blockerId),
              ':sk': chronologicalKey(createdAt, blockedId),
            },
          }),
        );
        report.blocksIndexed += 1;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }
  return report;
}
