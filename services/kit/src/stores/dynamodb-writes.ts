import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

/** What a store operation needs: the document client and the physical name of its table. */
export interface DynamoTableContext {
  documents: DynamoDBDocumentClient;
  tableName: string;
}

/** A conditional write refused: the guard that stands in for a transaction said no. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException;
}

/**
 * Writes an item only where none has its key: the first writer wins and every repeat or
 * racing writer learns it lost (false) without changing what is stored. `keyAttribute` is
 * the table's partition key, present on every item the table holds.
 */
export async function putIfAbsent(
  table: DynamoTableContext,
  item: object,
  keyAttribute = 'pk',
): Promise<boolean> {
  try {
    await table.documents.send(
      new PutCommand({
        TableName: table.tableName,
        Item: item as Record<string, unknown>,
        ConditionExpression: 'attribute_not_exists(#key)',
        ExpressionAttributeNames: { '#key': keyAttribute },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
