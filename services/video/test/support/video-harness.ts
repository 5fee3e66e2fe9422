import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ServiceName, dynamoTableName } from '@what-if/catalog';
import type { Scenario } from '@what-if/contracts';
import { type StartedService, startService } from '@what-if/kit';
import {
  type ApiAnswer,
  type ApiCall,
  type CallOptions,
  apiClient,
} from '../../../../test/support/api-client';
import { eventually } from '../../../../test/support/eventually';
import { type FakeIdentity, startFakeIdentity } from '../../../../test/support/fake-identity';
import { type TestStores, inProcessEnv, provisionStores } from '../../../../test/support/service-chassis';
import { serviceToken, testServiceIdentity } from '../../../../test/support/service-identity';
import { type AccessTokenOptions, signAccessToken } from '../../../../test/support/tokens';
import { videoService } from '../../src/service';
import { createVideoStore, type VideoStore } from '../../src/store/video-store';
import { videoWorkerService } from '../../src/worker-service';

/** History as video reads it: a user's own scenarios by id, 404 for anyone else's. */
interface FakeHistory {
  url: string;
  /** Files a scenario under its owner. */
  save(ownerId: string, scenario: Scenario): void;
  close(): Promise<void>;
}

async function startFakeHistory(identity: FakeIdentity): Promise<FakeHistory> {
  const scenarios = new Map<string, { ownerId: string; scenario: Scenario }>();
  const server: Server = createServer((req, res) => {
    const match = /^\/api\/v1\/scenarios\/([^/]+)$/.exec(req.url ?? '');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const subject = token
      ? (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub
      : undefined;
    const stored = match ? scenarios.get(decodeURIComponent(match[1]!)) : undefined;
    if (!subject) {
      res.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"status":401}');
    } else if (!stored || stored.ownerId !== subject) {
      res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"status":404}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...stored.scenario, favorite: false, rating: null }));
    }
  });
  void identity;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    save: (ownerId, scenario) => scenarios.set(scenario.id, { ownerId, scenario }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A share as the stand-in for sharing keeps it: what opening it and asking after it answer. */
export interface FakeShare {
  ownerId: string;
  scenario: Scenario;
  password?: string;
  /** What the share page would show now: `available`, or why not. */
  status: 'available' | 'missing' | 'revoked' | 'expired' | 'hidden' | 'removed' | 'deleted';
}

/** Sharing as video calls it: open a share for a viewer, and whether it is still available. */
interface FakeSharing {
  url: string;
  shares: Map<string, FakeShare>;
  /** Every open request's body, in order (the viewer and any password). */
  opened: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

async function startFakeSharing(): Promise<FakeSharing> {
  const shares = new Map<string, FakeShare>();
  const opened: Array<Record<string, unknown>> = [];
  const problem = (res: ServerResponse, status: number, extra: Record<string, unknown>) =>
    res
      .writeHead(status, { 'content-type': 'application/problem+json' })
      .end(JSON.stringify({ status, ...extra }));
  const server: Server = createServer((req, res) => {
    const match = /^\/internal\/v1\/shares\/([^/]+)\/(open|availability)$/.exec(req.url ?? '');
    if (!match || !/^Bearer .+/.test(req.headers.authorization ?? '')) {
      problem(res, match ? 401 : 404, { type: '/problems/invalid-service-token' });
      return;
    }
    const slug = decodeURIComponent(match[1]!);
    const share = shares.get(slug);
    const status = share?.status ?? 'missing';
    if (match[2] === 'availability') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ slug, status }));
      return;
    }
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text) as { viewerId: string; password?: string };
      opened.push(body);
      if (!share || status === 'missing') problem(res, 404, { type: '/problems/not-found' });
      else if (status !== 'available') problem(res, 410, { type: '/problems/gone', reason: status });
      else if (share.password && body.password === undefined)
        problem(res, 401, { type: '/problems/share-password-required' });
      else if (share.password && body.password !== share.password)
        problem(res, 401, { type: '/problems/share-password-wrong' });
      else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ slug, ownerId: share.ownerId, scenario: share.scenario }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    shares,
    opened,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface VideoHarness {
  url: string;
  call: ApiCall;
  /** Calls video's /internal/ endpoints as `caller`, with its service token. */
  callAs(caller: ServiceName, method: string, path: string, options?: CallOptions): Promise<ApiAnswer>;
  /** The variables both the API and the worker run with: stores, upstreams, storage, quick timings. */
  env: Record<string, string>;
  storageDir: string;
  store: VideoStore;
  /** A fresh user and a valid access token for them, with a scenario of theirs filed in history. */
  newUser(options?: AccessTokenOptions): { userId: string; token: string };
  saveScenario(userId: string, scenario: Scenario): void;
  /** Sharing's shares by slug (change a status to hide, revoke… one) and what video asked of it. */
  sharing: Pick<FakeSharing, 'shares' | 'opened'>;
  /** Starts a worker in this process; stop it (or the harness does). */
  startWorker(env?: Record<string, string>): Promise<StartedService<unknown>>;
  stop(): Promise<void>;
}

export async function startVideo(env: Record<string, string> = {}): Promise<VideoHarness> {
  const stores: TestStores = await provisionStores(['redis', 'dynamodb']);
  const identity = await startFakeIdentity();
  const history = await startFakeHistory(identity);
  const sharing = await startFakeSharing();
  const storageDir = await mkdtemp(path.join(tmpdir(), 'what-if-video-test-'));
  const sharedEnv: Record<string, string> = {
    ...inProcessEnv,
    // The API and its worker are one service to the others: the same identity.
    ...testServiceIdentity('video'),
    ...stores.env,
    USER_SERVICE_URL: identity.url,
    HISTORY_SERVICE_URL: history.url,
    SHARING_SERVICE_URL: sharing.url,
    // Every read asks sharing afresh, so a test sees a hide at once.
    SHARE_CHECK_CACHE_SECONDS: '0',
    VIDEO_STORAGE: 'local',
    // Under a dot directory, as make dev keeps them in .dev/videos: serving must not mind it.
    VIDEO_STORAGE_DIR: path.join(storageDir, '.dev', 'files'),
    VIDEO_WORK_DIR: path.join(storageDir, 'work'),
    VIDEO_URL_SECRET: 'a test secret that is long enough to sign links',
    VIDEO_LOCK_SECONDS: '2',
    VIDEO_SWEEP_INTERVAL_SECONDS: '1',
    VIDEO_RETRY_BACKOFF_SECONDS: '0',
    SSE_HEARTBEAT_MS: '1000',
    ...(process.env['VIDEO_TEST_LOG_LEVEL'] ? { LOG_LEVEL: process.env['VIDEO_TEST_LOG_LEVEL'] } : {}),
    ...env,
  };
  const api = await startService(videoService, { env: { ...process.env, ...sharedEnv } });
  // As a load balancer would: no traffic before its stores answer.
  await eventually(async () => expect((await fetch(`${api.url}/health/ready`)).status).toBe(200));
  const workers: Array<StartedService<unknown>> = [];
  const client = new DynamoDBClient({
    endpoint: stores.env['DYNAMODB_ENDPOINT'],
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const store = createVideoStore(
    DynamoDBDocumentClient.from(client),
    dynamoTableName(stores.env['DYNAMODB_TABLE_PREFIX']!, 'videos'),
  );
  return {
    url: api.url,
    call: apiClient(api.url),
    callAs: (caller, method, path, options = {}) =>
      apiClient(api.url)(method, path, { token: serviceToken(caller, 'video'), ...options }),
    env: sharedEnv,
    storageDir: path.join(storageDir, '.dev', 'files'),
    store,
    newUser(options = {}) {
      const userId = `user-${randomUUID()}`;
      return { userId, token: signAccessToken(identity.signingKey, { sub: userId, ...options }) };
    },
    saveScenario: (userId, scenario) => history.save(userId, scenario),
    sharing: { shares: sharing.shares, opened: sharing.opened },
    async startWorker(extra = {}) {
      const worker = await startService(videoWorkerService, {
        env: { ...process.env, ...sharedEnv, ...extra },
      });
      workers.push(worker);
      return worker;
    },
    async stop() {
      for (const worker of workers) await worker.stop().catch(() => undefined);
      await api.stop();
      client.destroy();
      await history.close();
      await sharing.close();
      await identity.close();
      await stores.cleanup();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
