import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Redis } from 'ioredis';

/** The machine's PostgreSQL and Redis; override to point tests elsewhere. */
export const testPostgresUrl =
  process.env['TEST_POSTGRES_URL'] ?? 'postgres://whatif:whatif@127.0.0.1:5432/postgres';
export const testRedisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A database of this test run's own, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `whatif_test_${uniqueSuffix()}`;
  const admin = new Client({ connectionString: testPostgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new Client({ connectionString: testPostgresUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestRedisPrefix {
  prefix: string;
  /** Deletes every key under the prefix. */
  cleanup(): Promise<void>;
}

export function createTestRedisPrefix(): TestRedisPrefix {
  const prefix = `test:${uniqueSuffix()}:`;
  return {
    prefix,
    async cleanup() {
      const client = new Redis(testRedisUrl, { lazyConnect: true });
      await client.connect();
      try {
        let cursor = '0';
        do {
          const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          if (keys.length > 0) await client.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        client.disconnect();
      }
    },
  };
}

export interface TestDynamo {
  endpoint: string;
  /** A prefix of this run's own for the physical table names. */
  tablePrefix: string;
  close(): Promise<void>;
}

/** An in-memory dynalite on a free port. */
export async function startTestDynamo(): Promise<TestDynamo> {
  // dynalite ships no types; its factory returns an http.Server.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynalite = require('dynalite') as (options: {
    createTableMs: number;
    deleteTableMs: number;
    updateTableMs: number;
  }) => Server;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    tablePrefix: `test-${uniqueSuffix()}-`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A local port that nothing listens on, for "store is down" cases. */
export async function deadPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
