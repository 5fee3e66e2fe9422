import path from 'node:path';
import type { ServiceEntry } from '@what-if/catalog';
import type { Logger } from '@what-if/kit';
import { createPostgres, migrate } from '@what-if/kit/postgres';
import { Client } from 'pg';

/** The server's maintenance database, present on every PostgreSQL, from which others are created. */
const maintenanceDatabase = 'postgres';
const databaseMissing = '3D000';
const databaseAlreadyExists = '42P04';

export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database (it needs a path such as /whatif)');
  return name;
}

/** The same server and credentials, pointed at the maintenance database. */
export function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${maintenanceDatabase}`;
  return url.toString();
}

async function withClient<T>(
  connectionString: string,
  timeoutMs: number,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates the database DATABASE_URL names when the server lacks it, so a fresh
 * PostgreSQL works without a manual createdb. Answers whether it was created.
 */
export async function ensureDatabase(databaseUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    await withClient(databaseUrl, timeoutMs, async () => undefined);
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== databaseMissing) throw error;
  }
  const name = databaseName(databaseUrl);
  return withClient(maintenanceUrl(databaseUrl), timeoutMs, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      // Another launcher or test created it in the meantime: the goal is met.
      if ((error as { code?: string }).code === databaseAlreadyExists) return false;
      throw new Error(`could not create database "${name}": ${(error as Error).message}`, { cause: error });
    }
  });
}

/** Drops the database DATABASE_URL names, ending its sessions; answers whether it existed. */
export async function dropDatabase(databaseUrl: string, timeoutMs: number): Promise<boolean> {
  const name = databaseName(databaseUrl);
  return withClient(maintenanceUrl(databaseUrl), timeoutMs, async (client) => {
    const existed = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    return (existed.rowCount ?? 0) > 0;
  });
}

/** Where a service keeps its migrations, as the catalog says. */
export function migrationsDirectory(repoRoot: string, entry: ServiceEntry): string {
  if (!entry.migrations) throw new Error(`The catalog gives ${entry.name} no migrations`);
  return path.join(repoRoot, 'services', entry.name, entry.migrations);
}

/**
 * Applies a service's pending migrations with the kit's runner, the same one the service runs
 * at start-up, so a migration error shows here, once, before seven services start.
 */
export async function migrateDatabase(
  entry: ServiceEntry,
  databaseUrl: string,
  repoRoot: string,
  logger: Logger,
  timeoutMs: number,
): Promise<string[]> {
  const postgres = createPostgres(
    {
      connectionString: databaseUrl,
      maxConnections: 1,
      connectTimeoutMs: timeoutMs,
      // Migrations may rewrite tables; give them far longer than a request.
      statementTimeoutMs: 300_000,
      applicationName: 'what-if-dev',
    },
    logger,
  );
  try {
    return await migrate(postgres.pool, migrationsDirectory(repoRoot, entry), logger);
  } finally {
    await postgres.close();
  }
}
