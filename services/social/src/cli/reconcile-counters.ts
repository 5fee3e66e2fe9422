/**
 * The operator's check that every like and comment counter equals the rows it counts:
 *
 *   node services/social/dist/cli/reconcile-counters.js [--post <postId>]
 *
 * Reads the social service's environment (DYNAMODB_*), compares each counter with its rows
 * twice a moment apart, corrects the ones that disagree both times, and prints a JSON report
 * (`drift` lists each one: `fixed`, or `moving` when it changed while checked). Exits 0 when
 * nothing drifted, 1 when something was fixed or still moving, so a cron job can alert on it.
 */
import { parseArgs } from 'node:util';
import { dynamoTableName, service } from '@what-if/catalog';
import { ConfigError, baseConfigSchema, createLogger, loadConfig, storeConfig } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { reconcileAll, reconcilePost } from '../store/reconcile-counters';

const cliConfigSchema = baseConfigSchema.extend({ ...storeConfig.dynamodb });
const usage = 'usage: node services/social/dist/cli/reconcile-counters.js [--post <postId>]';

function fail(message: string, status: number): never {
  process.stderr.write(`reconcile-counters: ${message}\n${usage}\n`);
  process.exit(status);
}

async function main(): Promise<void> {
  let options: { post?: string };
  try {
    options = parseArgs({ options: { post: { type: 'string' } } }).values;
  } catch (error) {
    fail((error as Error).message, 64);
  }
  let config;
  try {
    config = loadConfig('social', cliConfigSchema);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 78);
    throw error;
  }
  const logger = createLogger({ service: 'social-cli', level: 'warn', destination: process.stderr });
  const tables = service('social').dynamoTables;
  const dynamo = await dynamoFromConfig(config, tables, logger);
  try {
    const context = {
      documents: dynamo.documents,
      tableName: dynamoTableName(config.DYNAMODB_TABLE_PREFIX, tables[0]!.name),
    };
    const onePost = options.post ? await reconcilePost(context, options.post) : undefined;
    const report = onePost
      ? { postsChecked: 1, countersChecked: onePost.checked, drift: onePost.drift }
      : await reconcileAll(context);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = report.drift.length === 0 ? 0 : 1;
  } finally {
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reconcile-counters failed: ${(error as Error).message}\n`);
  process.exit(1);
});
