/**
 * The operator's one-off after upgrading past commit 317ce1e (the block list paged from gsi2):
 *
 *   node services/social/dist/cli/index-blocks.js
 *
 * Reads the social service's environment (DYNAMODB_*), gives every block made before the
 * upgrade its block-list entry, and prints `{"blocksIndexed": n, "alreadyListed": m}`. Safe to
 * repeat (a second run indexes nothing) and to run while the service is up.
 */
import { dynamoTableName, service } from '@what-if/catalog';
import { ConfigError, createLogger, loadConfig, storeConfig } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { z } from 'zod';
import { indexBlocks } from '../store/block-index';

/** The table's variables only (with the catalog's defaults): the service's keys are not needed here. */
const cliConfigSchema = z.object({ ...storeConfig.dynamodb });

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig('social', cliConfigSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`index-blocks: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger({ service: 'social-cli', level: 'warn', destination: process.stderr });
  const tables = service('social').dynamoTables;
  const dynamo = await dynamoFromConfig(config, tables, logger);
  try {
    const report = await indexBlocks({
      documents: dynamo.documents,
      tableName: dynamoTableName(config.DYNAMODB_TABLE_PREFIX, tables[0]!.name),
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`index-blocks failed: ${(error as Error).message}\n`);
  process.exit(1);
});
