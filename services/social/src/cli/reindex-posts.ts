/**
 * The operator's way to make every post searchable (posts published before search existed):
 *
 *   node services/social/dist/cli/reindex-posts.js
 *
 * Reads the social service's environment (DYNAMODB_*), writes each post's search entries
 * (idempotent: run it again at will) and prints `{"postsIndexed": n}`.
 */
import { dynamoTableName, service } from '@what-if/catalog';
import { ConfigError, baseConfigSchema, createLogger, loadConfig, storeConfig } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { reindexAllPosts } from '../store/reindex-posts';

const cliConfigSchema = baseConfigSchema.extend({ ...storeConfig.dynamodb });

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig('social', cliConfigSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`reindex-posts: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger({ service: 'social-cli', level: 'warn', destination: process.stderr });
  const tables = service('social').dynamoTables;
  const dynamo = await dynamoFromConfig(config, tables, logger);
  try {
    const postsIndexed = await reindexAllPosts({
      documents: dynamo.documents,
      tableName: dynamoTableName(config.DYNAMODB_TABLE_PREFIX, tables[0]!.name),
    });
    process.stdout.write(`${JSON.stringify({ postsIndexed })}\n`);
  } finally {
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reindex-posts failed: ${(error as Error).message}\n`);
  process.exit(1);
});
