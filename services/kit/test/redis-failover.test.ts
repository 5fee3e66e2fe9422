import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { dependencyUnavailable } from '@what-if/kit';
import { createRedis } from '@what-if/kit/redis';
import { eventually } from '../../../test/support/eventually';
import { captureLogs } from '../../../test/support/logs';

/**
 * Just enough of a Redis node to play a primary that a failover demoted: while `replica`, every
 * write is refused with Redis's READONLY reply (as ElastiCache's old primary refuses a client
 * that connected before the endpoint moved), reads are served; promoted, writes land again.
 */
interface FakeNode {
  port: number;
  replica: boolean;
  connections: number;
  close(): Promise<void>;
}

const writes = new Set(['SET', 'INCR', 'EXPIRE', 'DEL', 'LPUSH']);

function bulk(value: string | undefined): string {
  return value === undefined ? '$-1\r\n' : `$${Buffer.byteLength(value)}\r\n${value}\r\n`;
}

/** Splits RESP arrays of bulk strings (what clients send) off the front of `buffer`. */
function readCommands(buffer: string): { commands: string[][]; rest: string } {
  const commands: string[][] = [];
  let at = 0;
  for (;;) {
    const header = /^\*(\d+)\r\n/.exec(buffer.slice(at));
    if (!header) break;
    let cursor = at + header[0].length;
    const args: string[] = [];
    for (let index = 0; index < Number(header[1]); index += 1) {
      const length = /^\$(\d+)\r\n/.exec(buffer.slice(cursor));
      if (!length || buffer.length < cursor + length[0].length + Number(length[1]) + 2) {
        return { commands, rest: buffer.slice(at) };
      }
      cursor += length[0].length;
      args.push(buffer.slice(cursor, cursor + Number(length[1])));
      cursor += Number(length[1]) + 2;
    }
    commands.push(args);
    at = cursor;
  }
  return { commands, rest: buffer.slice(at) };
}

async function startFakeNode(): Promise<FakeNode> {
  const data = new Map<string, string>();
  const sockets = new Set<Socket>();
  const node = { replica: true, connections: 0 };
  const server: Server = createServer((socket) => {
    node.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let pending = '';
    let transaction: string[][] | undefined;
    let aborted = false;
    const run = (name: string, args: string[]): string => {
      if (writes.has(name) && node.replica)
        return "-READONLY You can't write against a read only replica.\r\n";
      switch (name) {
        case 'PING':
          return '+PONG\r\n';
        case 'INFO':
          return bulk('# Server\r\nredis_version:7.0.15\r\nloading:0\r\n');
        case 'GET':
          return bulk(data.get(args[0]!));
        case 'SET':
          data.set(args[0]!, args[1]!);
          return '+OK\r\n';
        case 'INCR': {
          const next = String(Number(data.get(args[0]!) ?? '0') + 1);
          data.set(args[0]!, next);
          return `:${next}\r\n`;
        }
        case 'EXPIRE':
          return ':1\r\n';
        case 'HGET':
          return '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n';
        default:
          return '+OK\r\n';
      }
    };
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      const { commands, rest } = readCommands(pending + chunk);
      pending = rest;
      for (const [command, ...args] of commands) {
        const name = command!.toUpperCase();
        if (name === 'MULTI') {
          transaction = [];
          aborted = false;
          socket.write('+OK\r\n');
        } else if (name === 'EXEC' && transaction) {
          const queued = transaction;
          transaction = undefined;
          socket.write(
            aborted
              ? '-EXECABORT Transaction discarded because of previous errors.\r\n'
              : `*${queued.length}\r\n${queued.map(([queuedName, ...queuedArgs]) => run(queuedName!, queuedArgs)).join('')}`,
          );
        } else if (transaction) {
          if (writes.has(name) && node.replica) {
            aborted = true;
            socket.write(run(name, args));
          } else {
            transaction.push([name, ...args]);
            socket.write('+QUEUED\r\n');
          }
        } else {
          socket.write(run(name, args));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(node, {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

test('a write refused by a demoted primary (READONLY) is marked, the client connects again, and writes land once a primary answers', async () => {
  const logs = captureLogs('kit-test');
  const node = await startFakeNode();
  const store = createRedis({ url: `redis://127.0.0.1:${node.port}`, keyPrefix: 'kit-test:' }, logs.logger);
  try {
    await store.waitUntilReady(5_000);
    expect(await store.client.get('key')).toBeNull();
    // A command Redis refuses for what it asks is the caller's error, and the connection stays.
    const wrong = await rejection(store.client.hget('key', 'field'));
    expect((wrong as Error).message).toMatch(/^WRONGTYPE /);
    expect(dependencyUnavailable(wrong)).toBeUndefined();
    expect(node.connections).toBe(1);

    const refused = await rejection(store.client.set('key', 'value'));
    expect((refused as Error).message).toMatch(/^READONLY /);
    expect(dependencyUnavailable(refused)).toBe('redis');
    await eventually(async () => expect(node.connections).toBe(2));

    // A transaction with a write in it is aborted (EXECABORT) for the same reason.
    await store.waitUntilReady(5_000);
    const transaction = await rejection(store.client.multi().incr('count').expire('count', 60).exec());
    expect(dependencyUnavailable(transaction)).toBe('redis');

    node.replica = false;
    await eventually(async () => expect(await store.client.set('key', 'value')).toBe('OK'));
    expect(await store.client.get('key')).toBe('value');
  } finally {
    await store.close();
    await node.close();
  }
});
