import { dynamoTableName, service } from '@what-if/catalog';
import type { Logger } from '@what-if/kit';
import { type DynamoStore, dynamoFromConfig } from '@what-if/kit/dynamodb';
import { type TestStores, provisionStores } from '../../../../test/support/service-chassis';
import type { StoreContext } from '../../src/store/store-context';

/** Social's table on a dynalite of the test file's own, created as the service creates it at start. */
export interface SocialTable {
  table: StoreContext;
  close(): Promise<void>;
}

export async function openSocialTable(logger: Logger): Promise<SocialTable> {
  const stores: TestStores = await provisionStores(['dynamodb']);
  let dynamo: DynamoStore;
  try {
    dynamo = await dynamoFromConfig(
      {
        DYNAMODB_ENDPOINT: stores.env['DYNAMODB_ENDPOINT']!,
        AWS_REGION: 'us-east-1',
        DYNAMODB_TABLE_PREFIX: stores.env['DYNAMODB_TABLE_PREFIX']!,
        DYNAMODB_CREATE_TABLES: true,
      },
      service('social').dynamoTables,
      logger,
    );
  } catch (error) {
    await stores.cleanup();
    throw error;
  }
  return {
    table: {
      documents: dynamo.documents,
      tableName: dynamoTableName(stores.env['DYNAMODB_TABLE_PREFIX']!, 'social'),
    },
    async close() {
      await dynamo.close();
      await stores.cleanup();
    },
  };
}
