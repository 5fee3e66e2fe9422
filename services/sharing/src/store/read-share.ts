import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { sharePartition, shareSortKey } from './keys';
import type { ShareItem } from './records';
import type { StoreContext } from './store-context';

/** One share by slug, strongly consistent: a revoke or a delete shows on the very next read. */
export async function readShare(context: StoreContext, slug: string): Promise<ShareItem | undefined> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: sharePartition(slug), sk: shareSortKey },
      ConsistentRead: true,
    }),
  );
  return result.Item as ShareItem | undefined;
}
