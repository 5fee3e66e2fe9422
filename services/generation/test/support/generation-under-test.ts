import { type Scenario } from '@what-if/contracts';
import { type StartedService, startService } from '@what-if/kit';
import { eventually } from '../../../../test/support/eventually';
import { type FakeIdentity, startFakeIdentity } from '../../../../test/support/fake-identity';
import { inProcessEnv, provisionStores, type TestStores } from '../../../../test/support/service-chassis';
import { type AccessTokenOptions, signAccessToken } from '../../../../test/support/tokens';
import { type ProviderOverrides, defineGenerationService } from '../../src/service';
import { type FakeHistory, startFakeHistory } from './fake-history';
import { testServiceIdentity } from '../../../../test/support/service-identity';

export interface GenerationUnderTest {
  service: StartedService<unknown>;
  url: string;
  identity: FakeIdentity;
  history: FakeHistory;
  stores: TestStores;
  /** A valid access token from the fake user service. */
  token(options?: AccessTokenOptions): string;
  metrics(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real generation service on its own Redis prefix, with the fake user service's JWKS
 * for tokens, a fake history speaking the history contract, and providers as given.
 */
export async function startGenerationUnderTest(
  options: { providers?: ProviderOverrides; env?: Record<string, string> } = {},
): Promise<GenerationUnderTest> {
  const stores = await provisionStores(['redis']);
  const identity = await startFakeIdentity();
  const history = await startFakeHistory();
  const service = await startService(defineGenerationService(options.providers), {
    env: {
      ...process.env,
      ...inProcessEnv,
      ...testServiceIdentity('generation'),
      ...stores.env,
      USER_SERVICE_URL: identity.url,
      HISTORY_SERVICE_URL: history.url,
      ...options.env,
    },
  });
  await eventually(async () => expect((await fetch(`${service.url}/health/ready`)).status).toBe(200));
  return {
    service,
    url: service.url,
    identity,
    history,
    stores,
    token: (tokenOptions) => signAccessToken(identity.signingKey, tokenOptions),
    metrics: async () => (await fetch(`${service.url}/metrics`)).text(),
    async stop() {
      await service.stop();
      await history.close();
      await identity.close();
      await stores.cleanup();
    },
  };
}

export interface PostOptions {
  token?: string;
  headers?: Record<string, string>;
  /** The client address the gateway would forward. */
  forwardedFor?: string;
}

/** What POST /api/v1/scenarios answers: a scenario, or a problem with the members generation adds. */
export type ScenarioAnswer = Partial<Scenario> & {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  requestId?: string;
  errors?: Array<{ path: string; message: string }>;
  limit?: number;
  resetAt?: string;
  upstream?: string;
};

/** POST /api/v1/scenarios as JSON; the response and its parsed body. */
export async function postScenario(
  url: string,
  body: Record<string, unknown>,
  options: PostOptions = {},
): Promise<{ status: number; headers: Headers; body: ScenarioAnswer }> {
  const response = await fetch(`${url}/api/v1/scenarios`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as ScenarioAnswer,
  };
}
