import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoTableName } from '@what-if/catalog';
import type {
  EngagementEvent,
  OwnedScenario,
  PurgeInstruction,
  ReportSubmission,
  ShareSignals,
  Scenario,
} from '@what-if/contracts';
import { type StartedService, startService } from '@what-if/kit';
import { collectItems, purgeOutboxPrefix, scanPages } from '@what-if/kit/dynamodb';
import type { ServiceName } from '@what-if/catalog';
import {
  type ApiAnswer,
  type ApiCall,
  type CallOptions,
  apiClient,
} from '../../../../test/support/api-client';
import { type FakeIdentity, startFakeIdentity } from '../../../../test/support/fake-identity';
import { makeScenario } from '../../../../test/support/scenario-fixtures';
import { type TestStores, inProcessEnv, provisionStores } from '../../../../test/support/service-chassis';
import { serviceToken, testServiceIdentity, verifiedCaller } from '../../../../test/support/service-identity';
import { type AccessTokenOptions, signAccessToken } from '../../../../test/support/tokens';
import { sharingService } from '../../src/service';

/** History as sharing sees it: scenarios by id with their owner, and a switch to take it down. */
export interface FakeHistory {
  url: string;
  scenarios: Map<string, OwnedScenario>;
  reads(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Social's report and purge intake, recording what arrives. */
export interface FakeSocial {
  url: string;
  reports: ReportSubmission[];
  /** The purge instructions social acknowledged (204). */
  purges: PurgeInstruction[];
  /** While true, purges are refused with 503 (social down for them). */
  purgesDown: boolean;
  /** The activity events sharing reported (shares created), as social received them. */
  events: EngagementEvent[];
  /** Answer every report with this status (recording nothing) until called with undefined. */
  refuseWith(status: number | undefined): void;
  /** The shares' states (views for trending) social acknowledged, in the order they came. */
  signals: ShareSignals[];
  /** While true, share signals are refused with 503 (social down for them), and counted here. */
  signalsDown: boolean;
  refusedSignals: number;
}

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A stand-in's refusal of a call that does not carry sharing's service token, as the kit's guard refuses it. */
function refusedUnlessSharing(callee: ServiceName, req: IncomingMessage, res: ServerResponse): boolean {
  if (verifiedCaller(callee, req.headers.authorization) === 'sharing') return false;
  res.writeHead(401, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: '/problems/invalid-service-token', status: 401 }));
  return true;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function startFakeHistory(): Promise<FakeHistory> {
  const scenarios = new Map<string, OwnedScenario>();
  let reads = 0;
  const server = createServer((req, res) => {
    const match = /^\/internal\/v1\/scenarios\/([^/?]+)$/.exec(req.url ?? '');
    if (refusedUnlessSharing('history', req, res)) return;
    if (req.method === 'GET' && match) {
      reads += 1;
      const found = scenarios.get(decodeURIComponent(match[1]!));
      res.writeHead(found ? 200 : 404, {
        'content-type': found ? 'application/json' : 'application/problem+json',
      });
      res.end(JSON.stringify(found ?? { type: '/problems/not-found', status: 404 }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/problem+json' });
    res.end('{}');
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    scenarios,
    reads: () => reads,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    start: async () => {
      await listen(server, port);
    },
  };
}

async function startFakeSocial(): Promise<FakeSocial & { close(): Promise<void> }> {
  const reports: ReportSubmission[] = [];
  const purges: PurgeInstruction[] = [];
  const purgeState = { down: false };
  const events: EngagementEvent[] = [];
  const signals: ShareSignals[] = [];
  const signalState = { down: false, refused: 0 };
  let refusal: number | undefined;
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      if (refusedUnlessSharing('social', req, res)) return;
      if (req.method === 'POST' && req.url === '/internal/v1/reports' && refusal !== undefined) {
        res.writeHead(refusal, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: '/problems/unavailable', status: refusal }));
        return;
      }
      if (req.method === 'POST' && req.url === '/internal/v1/purges') {
        if (!purgeState.down) purges.push(JSON.parse(body) as PurgeInstruction);
        res.writeHead(purgeState.down ? 503 : 204).end();
        return;
      }
      if (req.method === 'POST' && req.url === '/internal/v1/reports') {
        reports.push(JSON.parse(body) as ReportSubmission);
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end('{}');
        return;
      }
      if (req.method === 'PUT' && req.url?.startsWith('/internal/v1/share-signals/')) {
        if (signalState.down) signalState.refused += 1;
        else signals.push(JSON.parse(body) as ShareSignals);
        res.writeHead(signalState.down ? 503 : 204).end();
        return;
      }
      if (req.method === 'POST' && req.url === '/internal/v1/engagement-events') {
        events.push(JSON.parse(body) as EngagementEvent);
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end('{}');
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    reports,
    purges,
    get purgesDown() {
      return purgeState.down;
    },
    set purgesDown(value) {
      purgeState.down = value;
    },
    events,
    refuseWith(status) {
      refusal = status;
    },
    signals,
    get signalsDown() {
      return signalState.down;
    },
    set signalsDown(value) {
      signalState.down = value;
    },
    get refusedSignals() {
      return signalState.refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const publicOrigin = 'http://share.test';
const monthAgo = new Date(Date.now() - 30 * 24 * 3_600_000).toISOString();

/** The sharing service on real dynalite, with stand-ins for user (JWKS), history and social. */
export interface SharingHarness {
  url: string;
  call: ApiCall;
  /** Calls sharing's /internal/ endpoints as `caller`, with its service token. */
  callAs<Body = Record<string, unknown>>(
    caller: ServiceName,
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<ApiAnswer<Body>>;
  identity: FakeIdentity;
  history: FakeHistory;
  social: FakeSocial;
  /** A fresh user (uuid) and an access token for them. */
  /**
   * A fresh user (uuid) and an access token for them; the user service stand-in knows the account
   * (joined a month ago unless `joinedAt` says otherwise; delete it from `identity.profiles` to
   * make it gone).
   */
  newUser(options?: AccessTokenOptions & { joinedAt?: string }): { userId: string; token: string };
  /** A scenario in the user's history (as history would answer it). */
  saveScenario(ownerId: string, overrides?: Partial<Scenario>): Scenario;
  /** Creates a share through the API, failing the test unless it is made. */
  share(
    token: string,
    body: Record<string, unknown>,
  ): Promise<Record<string, unknown> & { slug: string; url: string }>;
  /** GET a public address as a browser would, answering status, headers and text. */
  browse(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; text: string }>;
  /**
   * Every item in the table whose keys or attributes mention the text, purge instructions aside:
   * those hold only ids and go once every receiver has them (see `purgeOutbox`).
   */
  itemsMentioning(text: string): Promise<Array<Record<string, unknown>>>;
  /** The purge instructions still waiting for a receiver. */
  purgeOutbox(): Promise<Array<Record<string, unknown>>>;
  /** The shares table, read and written directly (maintenance jobs, data from before a change). */
  documents: DynamoDBDocumentClient;
  tableName: string;
  stop(): Promise<void>;
}

export const browserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

export async function startSharing(env: Record<string, string> = {}): Promise<SharingHarness> {
  const stores: TestStores = await provisionStores(['dynamodb']);
  const identity = await startFakeIdentity();
  const history = await startFakeHistory();
  const social = await startFakeSocial();
  const running: StartedService<unknown> = await startService(sharingService, {
    env: {
      ...process.env,
      ...inProcessEnv,
      ...testServiceIdentity('sharing'),
      ...stores.env,
      USER_SERVICE_URL: identity.url,
      HISTORY_SERVICE_URL: history.url,
      SOCIAL_SERVICE_URL: social.url,
      PUBLIC_API_URL: publicOrigin,
      PUBLIC_APP_URL: 'http://app.test',
      PURGE_RELAY_POLL_MS: '200',
      ...env,
    },
  });
  const tableName = dynamoTableName(stores.env['DYNAMODB_TABLE_PREFIX']!, 'shares');
  const client = new DynamoDBClient({
    endpoint: stores.env['DYNAMODB_ENDPOINT'],
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documents = DynamoDBDocumentClient.from(client);
  const call = apiClient(running.url);
  const everyItem = () => collectItems(scanPages({ documents, tableName }, {}));
  const harness: SharingHarness = {
    url: running.url,
    call,
    callAs: (caller, method, path, options = {}) =>
      call(method, path, { token: serviceToken(caller, 'sharing'), ...options }),
    identity,
    history,
    social,
    newUser({ joinedAt = monthAgo, ...options } = {}) {
      const userId = randomUUID();
      identity.profiles.set(userId, {
        id: userId,
        username: null,
        displayName: 'Someone',
        bio: '',
        avatarUrl: null,
        joinedAt,
      });
      return { userId, token: signAccessToken(identity.signingKey, { sub: userId, ...options }) };
    },
    saveScenario(ownerId, overrides = {}) {
      const scenario = makeScenario(overrides);
      history.scenarios.set(scenario.id, { ownerId, scenario });
      return scenario;
    },
    async share(token, body) {
      const answer = await call<Record<string, unknown> & { slug: string; url: string }>(
        'POST',
        '/api/v1/shares',
        {
          token,
          body,
        },
      );
      if (answer.status !== 201)
        throw new Error(`share answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async browse(path, headers = {}) {
      const response = await fetch(`${running.url}${path}`, {
        headers: { 'user-agent': browserAgent, ...headers },
        redirect: 'manual',
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
    async itemsMentioning(text) {
      return (await everyItem()).filter(
        (item) => !String(item['pk']).startsWith(purgeOutboxPrefix) && JSON.stringify(item).includes(text),
      );
    },
    async purgeOutbox() {
      return (await everyItem()).filter((item) => String(item['pk']).startsWith(purgeOutboxPrefix));
    },
    documents,
    tableName,
    async stop() {
      client.destroy();
      await running.stop();
      await social.close();
      await history.stop().catch(() => undefined);
      await identity.close();
      await stores.cleanup();
    },
  };
  return harness;
}
