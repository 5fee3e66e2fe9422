import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '../../../test/support/eventually';
import { provisionStores, type TestStores } from '../../../test/support/service-chassis';
import { deadPort } from '../../../test/support/stores';
import { signAccessToken } from '../../../test/support/tokens';
import { startFakeUpstreams } from '../../../test/support/fake-upstreams';
import { testServiceIdentity } from '../../../test/support/service-identity';

/**
 * A rolling deploy as an orchestrator does it: SIGTERM to the real gateway process while a
 * slow request is in flight. Readiness must turn 503 at once, the request must complete,
 * and the process must exit 0 after closing its stores.
 */
const entry = path.join(__dirname, '..', 'dist', 'main.js');

let stores: TestStores;
let fakes: Awaited<ReturnType<typeof startFakeUpstreams>>;

beforeAll(async () => {
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: run \`npm run build\` first (make test does)`);
  stores = await provisionStores(['redis']);
  fakes = await startFakeUpstreams();
});

afterAll(async () => {
  await fakes?.close();
  await stores?.cleanup();
});

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

test('SIGTERM: readiness fails first while new requests are still served, the in-flight request completes with 200, the process exits 0', async () => {
  const history = fakes.upstreams.find((fake) => fake.name === 'history')!;
  let requestArrived: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => {
    requestArrived = resolve;
  });
  let finishSlowRequest: () => void = () => undefined;
  history.handleRaw((_req, res) => {
    requestArrived();
    finishSlowRequest = () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ finished: true }));
    };
  });

  const port = await deadPort();
  const output: string[] = [];
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      ...stores.env,
      ...fakes.env,
      ...testServiceIdentity('gateway'),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      SHUTDOWN_DELAY_MS: '1500',
      SHUTDOWN_TIMEOUT_MS: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = exitOf(child);
  const base = `http://127.0.0.1:${port}`;

  try {
    await eventually(async () => expect((await fetch(`${base}/health/ready`)).status).toBe(200), 20_000);
    const slow = fetch(`${base}/api/v1/scenarios/slow`, {
      headers: { authorization: `Bearer ${signAccessToken(fakes.signingKey)}` },
    });
    await arrived;

    child.kill('SIGTERM');
    await eventually(async () => expect((await fetch(`${base}/health/ready`)).status).toBe(503), 5_000, 50);
    // Within SHUTDOWN_DELAY_MS the load balancer has not noticed yet: new requests are still served.
    expect((await fetch(`${base}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    finishSlowRequest();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });

    expect(await exited).toBe(0);
    const log = output.join('');
    expect(log.indexOf('shutdown: readiness now fails')).toBeLessThan(log.indexOf('shutdown: stores closed'));
    expect(log).toContain('shutdown: complete');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 60_000);
