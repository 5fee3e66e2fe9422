import type { DynamoTableContext } from '@what-if/kit/dynamodb';

/** What every store operation needs: the document client and the physical table name. */
export type StoreContext = DynamoTableContext;
