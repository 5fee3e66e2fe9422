import { type AddressInfo, type Server, type Socket, connect, createServer } from 'node:net';

/**
 * A TCP relay to a store that can fall silent: its connections stay open and nothing passes
 * either way, as a network partition or a frozen host leaves them (a stopped relay, by contrast,
 * closes them). What is sent meanwhile arrives once it speaks again, as TCP delivers it after a
 * partition heals. A connection either side closes still closes.
 */
export interface SilentRelay {
  /** The target's URL with the relay's address in its place. */
  url: string;
  /** Silent (true) or passing data again (false). */
  silence(silent: boolean): void;
  close(): Promise<void>;
}

export async function startSilentRelay(target: URL, defaultPort: number): Promise<SilentRelay> {
  let silent = false;
  const sockets = new Set<Socket>();
  const held: Array<{ to: Socket; chunk: Buffer }> = [];
  const pass = (to: Socket) => (chunk: Buffer) => {
    if (silent) held.push({ to, chunk });
    else to.write(chunk);
  };
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || defaultPort), target.hostname);
    sockets.add(client).add(upstream);
    client.on('data', pass(upstream));
    upstream.on('data', pass(client));
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) socket.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: url.toString(),
    silence(next) {
      silent = next;
      if (silent) return;
      for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
