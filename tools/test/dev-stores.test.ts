import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { services } from '@what-if/catalog';
import { createDynamo } from '@what-if/kit/dynamodb';
import { Client } from 'pg';
import { captureLogs } from '../../test/support/logs';
import { testPostgresUrl } from '../../test/support/stores';
import { defaultRepoRoot } from '../src/dev/config';
import { ensureDatabase, maintenanceUrl, migrateUserDatabase } from '../src/dev/database';
import { createCatalogTables, startDynalite } from '../src/dev/dynamo';

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

async function listTables(endpoint: string): Promise<string[]> {
  const store = createDynamo({ endpoint, region: 'us-east-1', tables: [] });
  try {
    return (await store.client.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    await store.close();
  }
}

describe('the PostgreSQL set-up', () => {
  const name = `whatif_test_dev_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  afterAll(async () => {
    const client = new Client({ connectionString: maintenanceUrl(databaseUrl) });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.end();
  });

  it('creates the database when the server lacks it, and leaves it alone afterwards', async () => {
    expect(await databaseExists(name)).toBe(false);
    await expect(ensureDatabase(databaseUrl, 3_000)).resolves.toBe(true);
    expect(await databaseExists(name)).toBe(true);
    await expect(ensureDatabase(databaseUrl, 3_000)).resolves.toBe(false);
  });

  it("runs the user service's migrations with the kit's runner, which records them", async () => {
    await ensureDatabase(databaseUrl, 3_000);
    const { logger } = captureLogs('dev');
    await migrateUserDatabase(databaseUrl, defaultRepoRoot, logger, 3_000);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const recorded = await client.query('SELECT count(*)::int AS applied FROM schema_migrations');
      expect(recorded.rows[0]).toEqual({ applied: expect.any(Number) });
    } finally {
      await client.end();
    }
    // A second run has nothing left to apply.
    await expect(migrateUserDatabase(databaseUrl, defaultRepoRoot, logger, 3_000)).resolves.toEqual([]);
  });
});

describe('the DynamoDB set-up', () => {
  it("creates every service's catalog tables in an in-memory dynalite", async () => {
    const dynalite = await startDynalite({ port: 0 });
    try {
      const created = await createCatalogTables(dynalite.endpoint, 'us-east-1', 'devtest-', services);
      const expected = services.flatMap((entry) =>
        entry.dynamoTables.map((table) => `devtest-${table.name}`),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(created.sort()).toEqual(expected.sort());
      expect((await listTables(dynalite.endpoint)).sort()).toEqual(expected.sort());
      await expect(
        createCatalogTables(dynalite.endpoint, 'us-east-1', 'devtest-', services),
      ).resolves.toEqual([]);
    } finally {
      await dynalite.close();
    }
  });

  it('keeps the tables across restarts when given a directory', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'dev-dynalite-'));
    try {
      const first = await startDynalite({ port: 0, path: directory });
      await createCatalogTables(first.endpoint, 'us-east-1', 'kept-', services);
      await first.close();

      const second = await startDynalite({ port: 0, path: directory });
      try {
        await expect(createCatalogTables(second.endpoint, 'us-east-1', 'kept-', services)).resolves.toEqual(
          [],
        );
        expect(await listTables(second.endpoint)).toContain('kept-scenarios');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
