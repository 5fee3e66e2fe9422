/**
 * The operator's one-off after upgrading to notification markers listed under their
 * notification (gsi1 `MARKERS#<recipient>#<id>`):
 *
 *   node services/social/dist/cli/index-notification-markers.js
 *
 * Reads the social service's environment (DYNAMODB_*), lists every older marker under its
 * notification (a deleted recipient then leaves none behind, those of actors counted past the
 * 20 named included), removes those whose notification is gone, and prints
 * `{"markersIndexed": n, "staleMarkersRemoved": m}`. Safe to repeat and to run while the
 * service is up, once every replica runs the upgraded version.
 */
import { dynamoTableName, service } from '@what-if/catalog';
import { ConfigError, createLogger, loadConfig, storeConfig } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { z } from 'zod';
import { indexNotificationMarkers } from '../store/marker-index';

/** The table's variables only (with the catalog's defaults): the service's keys are not needed here. */
const cliConfigSchema = z.object({ ...storeConfig.dynamodb });

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig('social', cliConfigSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`index-notification-markers: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger({ service: 'social-cli', level: 'warn', destination: process.stderr });
  const tables = service('social').dynamoTables;
  const dynamo = await dynamoFromConfig(config, tables, logger);
  try {
    const report = await indexNotificationMarkers({
      documents: dynamo.documents,
      tableName: dynamoTableName(config.DYNAMODB_TABLE_PREFIX, tables[0]!.name),
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`index-notification-markers failed: ${(error as Error).message}\n`);
  process.exit(1);
});
