import { parseArgs } from 'node:util';
import { createDynamo } from '@what-if/kit/dynamodb';
import { exportTables } from './dynamodb-backup';

/**
 * node tools/dist/dr/dynamodb-export.js --endpoint <url> --table-prefix <prefix> --out <dir>
 * Scans every table the catalog declares into <dir>/<finish time>/ (runbooks/disaster-recovery.md).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      endpoint: { type: 'string' },
      'table-prefix': { type: 'string', default: '' },
      out: { type: 'string' },
      region: { type: 'string', default: process.env['AWS_REGION'] ?? 'us-east-1' },
    },
  });
  if (!values.endpoint || !values.out) {
    throw new Error('usage: dynamodb-export --endpoint <url> --table-prefix <prefix> --out <dir>');
  }
  const store = createDynamo({ endpoint: values.endpoint, region: values.region, tables: [] });
  try {
    const { folder, manifest } = await exportTables(store.client, values['table-prefix'], values.out);
    const items = manifest.tables.reduce((sum, table) => sum + table.items, 0);
    process.stdout.write(
      `exported ${manifest.tables.length} tables (${items} items) to ${folder}, as of ${manifest.startedAt} to ${manifest.finishedAt}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dynamodb-export: ${(error as Error).message}\n`);
  process.exit(1);
});
