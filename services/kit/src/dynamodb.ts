/** DynamoDB for the services that use it; a separate entry point so others never load the AWS SDK. */
import { type DynamoTable, dynamoTableName } from '@what-if/catalog';
import type { Logger } from './logging';
import { type DynamoStore, createDynamo } from './stores/dynamodb';
import { type IndexesAdded, addMissingIndexes, ensureTables } from './stores/dynamodb-tables';

export { createDynamo, type DynamoOptions, type DynamoStore } from './stores/dynamodb';
export { addMissingIndexes, ensureTables, existingTables, type IndexesAdded } from './stores/dynamodb-tables';
export {
  batchRetryDelay,
  type BatchWriteOptions,
  type BatchWriteRequest,
  UnprocessedWritesError,
  writeBatches,
  writeMarshalledBatches,
} from './stores/dynamodb-batches';
export { type DynamoTableContext, isConditionFailure, putIfAbsent } from './stores/dynamodb-writes';
export {
  collectItems,
  countItems,
  type ItemPage,
  type PageOptions,
  queryPages,
  readSortedPage,
  scanMarshalledPages,
  scanPages,
  type SortedListing,
  type SortedPage,
  type SortedPageRequest,
} from './stores/dynamodb-pages';
export { deploymentSecret, type DeploymentSecretLocation } from './stores/deployment-secret';
export {
  dynamoOutbox,
  type DynamoOutbox,
  type DynamoOutboxOptions,
  type OutboxItemKey,
} from './outbox/dynamo-outbox';
export {
  dynamoPurgeOutbox,
  purgeOutboxPrefix,
  type DynamoPurgeOutbox,
  type DynamoPurgeOutboxOptions,
} from './purges/dynamo-purge-outbox';

/** Says what adding an index to a kept table took: copying is worth a warning, its items were rewritten. */
export function logIndexesAdded(logger: Logger, change: IndexesAdded): void {
  if (change.how === 'updated') {
    logger.info({ table: change.table, indexes: change.indexes }, 'dynamodb: indexes added to a kept table');
    return;
  }
  logger.warn(
    { table: change.table, indexes: change.indexes, items: change.items },
    'dynamodb: the local store cannot add an index to a table, so the table was recreated with the declared indexes and its items copied back',
  );
}

/** Opens DynamoDB for a service's catalog tables, creating them (and indexes newer versions declare) where the config asks. */
export async function dynamoFromConfig(
  config: {
    DYNAMODB_ENDPOINT: string;
    AWS_REGION: string;
    DYNAMODB_TABLE_PREFIX: string;
    DYNAMODB_CREATE_TABLES: boolean;
  },
  tables: readonly DynamoTable[],
  logger: Logger,
): Promise<DynamoStore> {
  const store = createDynamo({
    endpoint: config.DYNAMODB_ENDPOINT,
    region: config.AWS_REGION,
    tables: tables.map((table) => dynamoTableName(config.DYNAMODB_TABLE_PREFIX, table.name)),
  });
  if (config.DYNAMODB_CREATE_TABLES) {
    const created = await ensureTables(store.client, config.DYNAMODB_TABLE_PREFIX, tables);
    if (created.length > 0) logger.info({ tables: created }, 'dynamodb: tables created');
    // Only against a local endpoint: in AWS the infrastructure code owns the tables and their indexes.
    if (config.DYNAMODB_ENDPOINT) {
      for (const change of await addMissingIndexes(store.client, config.DYNAMODB_TABLE_PREFIX, tables)) {
        logIndexesAdded(logger, change);
      }
    }
  }
  return store;
}
