/**
 * The operator's one-off after upgrading to per-author entries (an account's purge reaches its
 * comments and likes on other people's posts through them):
 *
 *   node services/social/dist/cli/index-authors.js
 *
 * Reads the social service's environment (DYNAMODB_*), gives every comment and like written
 * before the upgrade its `COMMENTER#`/`LIKER#` gsi2 keys, and prints a JSON report of how many.
 * Safe to repeat (a second run finds nothing) and to run while the service is up.
 */
import { dynamoTableName, service } from '@what-if/catalog';
import { ConfigError, baseConfigSchema, createLogger, loadConfig, storeConfig } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { indexAuthors } from '../store/author-index';

const cliConfigSchema = baseConfigSchema.extend({ ...storeConfig.dynamodb });

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig('social', cliConfigSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`index-authors: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger({ service: 'social-cli', level: 'warn', destination: process.stderr });
  const tables = service('social').dynamoTables;
  const dynamo = await dynamoFromConfig(config, tables, logger);
  try {
    const report = await indexAuthors({
      documents: dynamo.documents,
      tableName: dynamoTableName(config.DYNAMODB_TABLE_PREFIX, tables[0]!.name),
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`index-authors failed: ${(error as Error).message}\n`);
  process.exit(1);
});
