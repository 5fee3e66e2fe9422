/**
 * The operator's way to give social's trending the views counted before views reached it:
 *
 *   node services/sharing/dist/cli/queue-share-signals.js
 *
 * Reads the sharing service's environment (DYNAMODB_*), puts every share with views in the
 * signal outbox, which the running service delivers (idempotent: run it again at will), and
 * prints `{"sharesQueued": n}`.
 */
import { dynamoTableName, service } from '@what-if/catalog';
import { ConfigError, baseConfigSchema, createLogger, loadConfig, storeConfig } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { queueAllShareSignals } from '../store/share-signals';

const cliConfigSchema = baseConfigSchema.extend({ ...storeConfig.dynamodb });

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig('sharing', cliConfigSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`queue-share-signals: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger({ service: 'sharing-cli', level: 'warn', destination: process.stderr });
  const tables = service('sharing').dynamoTables;
  const dynamo = await dynamoFromConfig(config, tables, logger);
  try {
    const sharesQueued = await queueAllShareSignals(
      {
        documents: dynamo.documents,
        tableName: dynamoTableName(config.DYNAMODB_TABLE_PREFIX, tables[0]!.name),
      },
      new Date(),
    );
    process.stdout.write(`${JSON.stringify({ sharesQueued })}\n`);
  } finally {
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`queue-share-signals failed: ${(error as Error).message}\n`);
  process.exit(1);
});
