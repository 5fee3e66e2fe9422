import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every store operation needs: the document client and the physical table name. */
export interface StoreContext {
  documents: DynamoDBDocumentClient;
  tableName: string;
}

/** A conditional write refused: the guard that replaces transactions here said no. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException;
}
