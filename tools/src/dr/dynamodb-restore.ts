import { parseArgs } from 'node:util';
import { createDynamo } from '@what-if/kit/dynamodb';
import { exportAt, restoreTables } from './dynamodb-backup';

/**
 * node tools/dist/dr/dynamodb-restore.js --endpoint <url> --exports <dir> --at <time> --table-prefix <new prefix>
 * Restores every catalog table, as it was in the newest export finished by <time>, into new
 * tables named <new prefix><table> (runbooks/disaster-recovery.md).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      endpoint: { type: 'string' },
      exports: { type: 'string' },
      at: { type: 'string' },
      'table-prefix': { type: 'string' },
      region: { type: 'string', default: process.env['AWS_REGION'] ?? 'us-east-1' },
    },
  });
  const at = new Date(values.at ?? '');
  if (
    !values.endpoint ||
    !values.exports ||
    values['table-prefix'] === undefined ||
    Number.isNaN(at.getTime())
  ) {
    throw new Error(
      'usage: dynamodb-restore --endpoint <url> --exports <dir> --at <ISO 8601 time> --table-prefix <new prefix>',
    );
  }
  const chosen = exportAt(values.exports, at);
  const store = createDynamo({ endpoint: values.endpoint, region: values.region, tables: [] });
  try {
    const restored = await restoreTables(store.client, chosen.folder, values['table-prefix']);
    const items = restored.reduce((sum, table) => sum + table.items, 0);
    process.stdout.write(
      `restored ${restored.length} tables (${items} items) under the prefix "${values['table-prefix']}" from the export finished at ${chosen.manifest.finishedAt} (${(at.getTime() - new Date(chosen.manifest.finishedAt).getTime()) / 1000} s before ${at.toISOString()})\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dynamodb-restore: ${(error as Error).message}\n`);
  process.exit(1);
});
