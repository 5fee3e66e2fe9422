import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { migrate } from '@what-if/kit/postgres';
import { captureLogs } from '../../../test/support/logs';
import { createTestDatabase, type TestDatabase } from '../../../test/support/stores';

let database: TestDatabase;
let pool: Pool;
let directory: string;
const { logger } = captureLogs();

beforeEach(async () => {
  database = await createTestDatabase();
  pool = new Pool({ connectionString: database.url, max: 4 });
  // Dropping the database at teardown terminates any connection still closing; that is expected.
  pool.on('error', () => undefined);
  directory = mkdtempSync(path.join(tmpdir(), 'migrations-'));
});

afterEach(async () => {
  await pool.end();
  await database.drop();
  rmSync(directory, { recursive: true, force: true });
});

function write(name: string, sql: string) {
  writeFileSync(path.join(directory, name), sql);
}

test('applies numbered files in order, once', async () => {
  write('0002_add_column.sql', 'ALTER TABLE widgets ADD COLUMN colour text;');
  write('0001_create_widgets.sql', 'CREATE TABLE widgets (id serial PRIMARY KEY);');
  expect(await migrate(pool, directory, logger)).toEqual(['0001_create_widgets.sql', '0002_add_column.sql']);
  expect(await migrate(pool, directory, logger)).toEqual([]);
  const columns = await pool.query(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'widgets' ORDER BY 1",
  );
  expect(columns.rows.map((row: { column_name: string }) => row.column_name)).toEqual(['colour', 'id']);
});

test('replicas starting together apply each migration exactly once', async () => {
  write('0001_create_counter.sql', 'CREATE TABLE counter (n int); INSERT INTO counter VALUES (1);');
  const results = await Promise.all([
    migrate(pool, directory, logger),
    migrate(pool, directory, logger),
    migrate(pool, directory, logger),
  ]);
  expect(results.flat()).toEqual(['0001_create_counter.sql']);
  expect((await pool.query('SELECT count(*)::int AS n FROM counter')).rows[0]).toEqual({ n: 1 });
});

test('a failing migration leaves nothing half-applied', async () => {
  write('0001_ok.sql', 'CREATE TABLE good (id int);');
  write('0002_broken.sql', 'CREATE TABLE half (id int); SELECT no_such_function();');
  await expect(migrate(pool, directory, logger)).rejects.toThrow(/0002_broken.sql failed/);
  const tables = await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  expect(tables.rows.map((row: { tablename: string }) => row.tablename)).toEqual([
    'good',
    'schema_migrations',
  ]);
});

test('an applied migration that was edited stops start-up', async () => {
  write('0001_create.sql', 'CREATE TABLE t (id int);');
  await migrate(pool, directory, logger);
  write('0001_create.sql', 'CREATE TABLE t (id bigint);');
  await expect(migrate(pool, directory, logger)).rejects.toThrow(/changed after it was applied/);
});
