import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServiceName, serviceUrlVariable } from '@what-if/catalog';
import { purgesPath } from '@what-if/contracts';
import { verifiedCaller } from './service-identity';

/** One purge that reached a stand-in receiver: what it answered, who signed it, what it carried. */
export interface ReceivedPurge {
  status: number;
  caller: ServiceName | undefined;
  body: Record<string, unknown>;
}

/**
 * A stand-in for a purge receiver (`POST /internal/v1/purges`): it checks the service token as
 * the real one does (401 without a valid one) and answers 503 while `down`.
 */
export interface StandInReceiver {
  name: ServiceName;
  url: string;
  down: boolean;
  purges: ReceivedPurge[];
  /** The purges it acknowledged (204). */
  acknowledged(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startStandInReceiver(name: ServiceName, down = false): Promise<StandInReceiver> {
  const state = { down, purges: [] as ReceivedPurge[] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const caller = verifiedCaller(name, req.headers.authorization);
      const status = req.url !== purgesPath ? 404 : !caller ? 401 : state.down ? 503 : 204;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        // Recorded as empty: the test's expectations on the body then fail visibly.
      }
      state.purges.push({ status, caller, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get down() {
      return state.down;
    },
    set down(value) {
      state.down = value;
    },
    purges: state.purges,
    acknowledged: () => state.purges.filter((purge) => purge.status === 204).map((purge) => purge.body),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Stand-ins for several receivers, and the `<NAME>_SERVICE_URL` variables that point at them. */
export async function startStandInReceivers(names: readonly ServiceName[]): Promise<{
  receivers: Map<ServiceName, StandInReceiver>;
  env: Record<string, string>;
  close(): Promise<void>;
}> {
  const receivers = new Map<ServiceName, StandInReceiver>();
  for (const name of names) receivers.set(name, await startStandInReceiver(name));
  return {
    receivers,
    env: Object.fromEntries(
      [...receivers].map(([name, receiver]) => [serviceUrlVariable(name), receiver.url]),
    ),
    async close() {
      for (const receiver of receivers.values()) await receiver.close();
    },
  };
}
