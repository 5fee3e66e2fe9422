import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { service, services } from '@what-if/catalog';
import { createDynamo } from '@what-if/kit/dynamodb';
import { Client } from 'pg';
import { captureLogs } from '../../test/support/logs';
import { Redis } from 'ioredis';
import { testPostgresUrl, testRedisUrl } from '../../test/support/stores';
import { defaultRepoRoot, devConfigFromEnv } from '../src/dev/config';
import {
  dropDatabase,
  ensureDatabase,
  maintenanceUrl,
  migrateDatabase,
  migrationsDirectory,
} from '../src/dev/database';
import { createCatalogTables, startDynalite } from '../src/dev/dynamo';
import { startFromEmpty } from '../src/dev/fresh-start';

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

  it("runs the user service's migrations, from where the catalog says, with the kit's runner, which records them", async () => {
    await ensureDatabase(databaseUrl, 3_000);
    const { logger } = captureLogs('dev');
    const user = service('user');
    const files = readdirSync(migrationsDirectory(defaultRepoRoot, user)).filter((file) =>
      file.endsWith('.sql'),
    );
    expect(files.length).toBeGreaterThan(0);
    const applied = await migrateDatabase(user, databaseUrl, defaultRepoRoot, logger, 3_000);
    expect(applied).toHaveLength(files.length);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const recorded = await client.query('SELECT count(*)::int AS applied FROM schema_migrations');
      expect(recorded.rows[0]).toEqual({ applied: files.length });
    } finally {
      await client.end();
    }
    // A second run has nothing left to apply.
    await expect(migrateDatabase(user, databaseUrl, defaultRepoRoot, logger, 3_000)).resolves.toEqual([]);
  });
});

describe('the DynamoDB set-up', () => {
  it("creates every service's catalog tables in an in-memory dynalite", async () => {
    const dynalite = await startDynalite({ port: 0 });
    try {
      const { created } = await createCatalogTables(dynalite.endpoint, 'us-east-1', 'devtest-', services);
      const expected = services.flatMap((entry) =>
        entry.dynamoTables.map((table) => `devtest-${table.name}`),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(created.sort()).toEqual(expected.sort());
      expect((await listTables(dynalite.endpoint)).sort()).toEqual(expected.sort());
      await expect(
        createCatalogTables(dynalite.endpoint, 'us-east-1', 'devtest-', services),
      ).resolves.toEqual({ created: [], indexesAdded: [] });
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
        await expect(createCatalogTables(second.endpoint, 'us-east-1', 'kept-', services)).resolves.toEqual({
          created: [],
          indexesAdded: [],
        });
        expect(await listTables(second.endpoint)).toContain('kept-scenarios');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('adds an index a newer version declares to a table kept from an older one, keeping its items', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'dev-dynalite-'));
    const social = service('social');
    const current = social.dynamoTables[0]!;
    const newest = current.globalIndexes!.at(-1)!;
    // The version before: the same table without its newest index.
    const older = [
      { ...social, dynamoTables: [{ ...current, globalIndexes: current.globalIndexes!.slice(0, -1) }] },
    ];
    const name = `kept-${current.name}`;
    const items = Array.from({ length: 30 }, (_, n) => ({
      [current.partitionKey.name]: `ITEM#${n}`,
      ...(current.sortKey ? { [current.sortKey.name]: 'ITEM' } : {}),
      count: n,
      tags: new Set([`tag-${n}`]),
      ...(n % 3 === 0
        ? {
            [newest.partitionKey.name]: 'NEWEST',
            ...(newest.sortKey ? { [newest.sortKey.name]: `N#${String(n).padStart(3, '0')}` } : {}),
          }
        : {}),
    }));
    try {
      const first = await startDynalite({ port: 0, path: directory });
      const before = createDynamo({ endpoint: first.endpoint, region: 'us-east-1', tables: [] });
      try {
        await createCatalogTables(first.endpoint, 'us-east-1', 'kept-', older);
        for (const item of items)
          await before.documents.send(new PutCommand({ TableName: name, Item: item }));
      } finally {
        await before.close();
        await first.close();
      }

      const second = await startDynalite({ port: 0, path: directory });
      const after = createDynamo({ endpoint: second.endpoint, region: 'us-east-1', tables: [] });
      try {
        const { created, indexesAdded } = await createCatalogTables(second.endpoint, 'us-east-1', 'kept-', [
          social,
        ]);
        expect(created).toEqual([]);
        expect(indexesAdded).toEqual([
          { table: name, indexes: [newest.name], how: 'copied', items: items.length },
        ]);
        const byNewest = await after.documents.send(
          new QueryCommand({
            TableName: name,
            IndexName: newest.name,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': newest.partitionKey.name },
            ExpressionAttributeValues: { ':pk': 'NEWEST' },
          }),
        );
        expect(
          (byNewest.Items ?? []).map((item) => item['count']).sort((a, b) => Number(a) - Number(b)),
        ).toEqual(items.filter((_, n) => n % 3 === 0).map((item) => item.count));
        const everything = await after.documents.send(new ScanCommand({ TableName: name }));
        expect((everything.Items ?? []).sort((a, b) => Number(a['count']) - Number(b['count']))).toEqual(
          items,
        );
        await expect(createCatalogTables(second.endpoint, 'us-east-1', 'kept-', [social])).resolves.toEqual({
          created: [],
          indexesAdded: [],
        });
      } finally {
        await after.close();
        await second.close();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('a fresh start (make dev FRESH=1)', () => {
  it("removes the stack's database, DynamoDB data and Redis keys, and nothing else", async () => {
    const name = `whatif_test_fresh_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const url = new URL(testPostgresUrl);
    url.pathname = `/${name}`;
    const directory = mkdtempSync(path.join(tmpdir(), 'dev-fresh-'));
    const stackPrefix = `test:fresh:${randomBytes(4).toString('hex')}:`;
    const bystander = `test:bystander:${randomBytes(4).toString('hex')}`;
    // A repository root of its own: a fresh start must never reach the developer's .dev/.
    const config = devConfigFromEnv(
      {
        DATABASE_URL: url.toString(),
        REDIS_URL: testRedisUrl,
        DEV_REDIS_KEY_PREFIX: stackPrefix,
        DEV_FRESH: '1',
      },
      { repoRoot: directory },
    );
    const outbox = path.join(directory, '.dev', 'outbox');
    mkdirSync(outbox, { recursive: true });
    writeFileSync(path.join(outbox, 'mail.json'), '{}');
    const redis = new Redis(testRedisUrl);
    try {
      await ensureDatabase(config.databaseUrl, 3_000);
      const dynalite = await startDynalite({ port: 0, path: config.dynamodb.path });
      await createCatalogTables(dynalite.endpoint, 'us-east-1', 'fresh-', services);
      await dynalite.close();
      await redis.set(`${stackPrefix}user:session:1`, 'x');
      await redis.set(`${stackPrefix}gateway:limit:1`, 'x');
      await redis.set(bystander, 'kept');

      const { logger, lines } = captureLogs('dev');
      await startFromEmpty(config, logger);

      expect(await databaseExists(name)).toBe(false);
      expect(config.dynamodb.path).toBe(path.join(directory, '.dev', 'dynamodb'));
      expect(existsSync(config.dynamodb.path!)).toBe(false);
      expect(existsSync(outbox)).toBe(false);
      expect(await redis.keys(`${stackPrefix}*`)).toEqual([]);
      expect(await redis.get(bystander)).toBe('kept');
      expect(lines.map((line) => line['msg'])).toEqual([
        expect.stringMatching(new RegExp(`fresh start: dropped the database \\S+/${name}$`)),
        `fresh start: removed the DynamoDB data in ${config.dynamodb.path}`,
        `fresh start: emptied the mail outbox ${outbox}`,
        "fresh start: deleted 2 Redis keys of the stack's services",
      ]);
    } finally {
      await redis.del(bystander);
      redis.disconnect();
      rmSync(directory, { recursive: true, force: true });
      await dropDatabase(url.toString(), 3_000);
    }
  });
});
