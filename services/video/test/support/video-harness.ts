import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
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
  /** Starts a worker in this process; stop it (or the harness does). */
  startWorker(env?: Record<string, string>): Promise<StartedService<unknown>>;
  stop(): Promise<void>;
}

export async function startVideo(env: Record<string, string> = {}): Promise<VideoHarness> {
  const stores: TestStores = await provisionStores(['redis', 'dynamodb']);
  const identity = await startFakeIdentity();
  const history = await startFakeHistory(identity);
  const storageDir = await mkdtemp(path.join(tmpdir(), 'what-if-video-test-'));
  const sharedEnv: Record<string, string> = {
    ...inProcessEnv,
    // The API and its worker are one service to the others: the same identity.
    ...testServiceIdentity('video'),
    ...stores.env,
    USER_SERVICE_URL: identity.url,
    HISTORY_SERVICE_URL: history.url,
    VIDEO_STORAGE: 'local',
    VIDEO_STORAGE_DIR: path.join(storageDir, 'files'),
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
    storageDir: path.join(storageDir, 'files'),
    store,
    newUser(options = {}) {
      const userId = `user-${randomUUID()}`;
      return { userId, token: signAccessToken(identity.signingKey, { sub: userId, ...options }) };
    },
    saveScenario: (userId, scenario) => history.save(userId, scenario),
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
      await identity.close();
      await stores.cleanup();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
