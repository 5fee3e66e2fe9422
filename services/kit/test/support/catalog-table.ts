import { service } from '@what-if/catalog';
import { type DynamoStore, createDynamo, ensureTables } from '@what-if/kit/dynamodb';
import { type TestDynamo, startTestDynamo } from '../../../../test/support/stores';

/**
 * A table of the catalog on a dynalite of the test file's own, created as a service creates it.
 * Any What If table serves the kit's outbox tests: each has the generic `pk`/`sk` keys and gsi1;
 * history's is the default.
 */
export interface CatalogTable {
  store: DynamoStore;
  tableName: string;
  close(): Promise<void>;
}

export async function startCatalogTable(table = service('history').dynamoTables[0]!): Promise<CatalogTable> {
  const dynamo: TestDynamo = await startTestDynamo();
  const tableName = `${dynamo.tablePrefix}${table.name}`;
  const store = createDynamo({ endpoint: dynamo.endpoint, region: 'us-east-1', tables: [tableName] });
  await ensureTables(store.client, dynamo.tablePrefix, [table]);
  return {
    store,
    tableName,
    async close() {
      await store.close();
      await dynamo.close();
    },
  };
}
