import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServiceEntry } from '@what-if/catalog';
import { type IndexesAdded, addMissingIndexes, createDynamo, ensureTables } from '@what-if/kit/dynamodb';

interface DynaliteOptions {
  createTableMs: number;
  deleteTableMs: number;
  updateTableMs: number;
  path?: string;
}

// dynalite ships no types; its factory returns an http.Server whose close() also closes the store.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (options: DynaliteOptions) => Server;

export interface RunningDynalite {
  endpoint: string;
  /** How many API requests it has answered so far (benchmarks count a step's requests with it). */
  requestsServed(): number;
  close(): Promise<void>;
}

/**
 * DynamoDB's API in this process: in memory, or in a LevelDB directory when `path` is
 * given, so a developer can keep data across runs. Tables become ACTIVE at once.
 */
export async function startDynalite(options: {
  port: number;
  path?: string | undefined;
}): Promise<RunningDynalite> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  // Only this machine's services talk to it.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  let served = 0;
  server.on('request', () => {
    served += 1;
  });
  let closing: Promise<void> | undefined;
  return {
    requestsServed: () => served,
    // The bound port, which differs from the one asked for when that was 0 (tests).
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        // Keep-alive sockets of services that were killed would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}

/**
 * Creates every table the catalog declares, for every service, with the kit's own table creation,
 * and adds the indexes a newer version declares to tables kept from an older one.
 */
export async function createCatalogTables(
  endpoint: string,
  region: string,
  tablePrefix: string,
  services: readonly ServiceEntry[],
): Promise<{ created: string[]; indexesAdded: IndexesAdded[] }> {
  const tables = services.flatMap((entry) => entry.dynamoTables);
  const store = createDynamo({ endpoint, region, tables: [] });
  try {
    const created = await ensureTables(store.client, tablePrefix, tables);
    return { created, indexesAdded: await addMissingIndexes(store.client, tablePrefix, tables) };
  } finally {
    await store.close();
  }
}
