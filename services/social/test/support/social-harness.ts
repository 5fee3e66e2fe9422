import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoTableName } from '@what-if/catalog';
import { type StartedService, startService } from '@what-if/kit';
import { type ApiCall, type CallOptions, apiClient } from '../../../../test/support/api-client';
import { eventually } from '../../../../test/support/eventually';
import { makeScenario } from '../../../../test/support/scenario-fixtures';
import {
  type FakeIdentity,
  type FakePublicProfile,
  startFakeIdentity,
} from '../../../../test/support/fake-identity';
import { type TestStores, inProcessEnv, provisionStores } from '../../../../test/support/service-chassis';
import {
  type GatewayInFront,
  type ServiceProcess,
  startGatewayInFront,
  startServiceProcess,
} from '../../../../test/support/service-processes';
import { serviceToken, testServiceIdentity } from '../../../../test/support/service-identity';
import { deadPort } from '../../../../test/support/stores';
import { signAccessToken } from '../../../../test/support/tokens';
import { socialService } from '../../src/service';

export interface TestUser {
  userId: string;
  token: string;
}

/**
 * Social in-process on real dynalite, the real history service as a process on its own
 * dynalite, a stand-in for the user service's identity endpoints, and the real gateway in
 * front: tests call what a client calls, through the gateway.
 */
export interface SocialHarness {
  /** Calls through the gateway. */
  call: ApiCall;
  /** The gateway's address (streams read it with fetch). */
  gatewayUrl: string;
  /** Calls social directly, as another service would. */
  direct: ApiCall;
  /** A fresh account id and an access token for it, with the roles given (user by default). */
  newUser(roles?: string[]): TestUser;
  /**
   * Gives the account a public profile in the user service's stand-in (username, display name,
   * bio, avatar), as its owner would through the user service; answers the profile.
   */
  setProfile(user: TestUser, fields: Partial<Omit<FakePublicProfile, 'id'>>): FakePublicProfile;
  /** The user service's stand-in (its profiles and how often social asked for them). */
  identity: FakeIdentity;
  /** Saves a scenario in the user's history as generation does; answers its id. */
  scenario(
    user: TestUser,
    overrides?: { title?: string; question?: string; language?: 'en' | 'vi' },
  ): Promise<string>;
  /** Saves a scenario and publishes it; answers the post. */
  publish(user: TestUser, body?: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }>;
  /** The social table, read and written directly (seeding, checking counters against rows). */
  documents: DynamoDBDocumentClient;
  tableName: string;
  stop(): Promise<void>;
}

/** A premise long enough that a post's excerpt is cut (the feed shows a short excerpt). */
const longPremise =
  'Rome survives the crises of the fifth century and endures into the modern age, its roads and laws carried across every continent by an empire that learned to reform itself before it could fall. Its senate survives as a council of provinces, its legions become engineers and its coinage becomes the money of three continents for a thousand years.';

function scenarioFor(id: string, overrides: { title?: string; question?: string; language?: 'en' | 'vi' }) {
  return makeScenario({
    id,
    premise: longPremise,
    createdAt: new Date().toISOString(),
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  });
}

export async function startSocial(env: Record<string, string> = {}): Promise<SocialHarness> {
  const identity: FakeIdentity = await startFakeIdentity();
  const historyStores: TestStores = await provisionStores(['dynamodb']);
  const socialStores: TestStores = await provisionStores(['dynamodb']);
  const history: ServiceProcess = await startServiceProcess('history', {
    // History reports saved scenarios to social for points; these tests send such events
    // themselves, so history's go nowhere and every test's points are its own.
    env: {
      ...historyStores.env,
      USER_SERVICE_URL: identity.url,
      SOCIAL_SERVICE_URL: `http://127.0.0.1:${await deadPort()}`,
    },
  });
  await eventually(async () => expect((await fetch(`${history.url}/health/ready`)).status).toBe(200));
  const social: StartedService<unknown> = await startService(socialService, {
    env: {
      ...process.env,
      ...inProcessEnv,
      ...testServiceIdentity('social'),
      ...socialStores.env,
      USER_SERVICE_URL: identity.url,
      HISTORY_SERVICE_URL: history.url,
      ...env,
    },
  });
  const gateway: GatewayInFront = await startGatewayInFront(
    { user: identity.url, history: history.url, social: social.url },
    // Tests make many requests from one address and one user in a short time, and play clients
    // from several networks through X-Forwarded-For, as if behind one proxy.
    { RATE_LIMIT_IP_PER_MINUTE: '1000000', RATE_LIMIT_USER_PER_MINUTE: '1000000', TRUSTED_PROXY_COUNT: '1' },
  );
  const client = new DynamoDBClient({
    endpoint: socialStores.env['DYNAMODB_ENDPOINT'],
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const call = apiClient(gateway.url);
  const historyCall = apiClient(history.url);
  const directCall = apiClient(social.url);

  const scenario: SocialHarness['scenario'] = async (user, overrides = {}) => {
    const id = randomUUID();
    const saved = await historyCall('PUT', `/internal/v1/scenarios/${id}`, {
      token: serviceToken('generation', 'history'),
      body: { ownerId: user.userId, scenario: scenarioFor(id, overrides) },
    });
    if (saved.status !== 201)
      throw new Error(`history answered ${saved.status}: ${JSON.stringify(saved.body)}`);
    return id;
  };

  return {
    call,
    gatewayUrl: gateway.url,
    // As sharing, the service that files reports, would: with its service token.
    direct: <Body = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}) =>
      directCall<Body>(method, path, {
        ...(path.startsWith('/internal/') ? { token: serviceToken('sharing', 'social') } : {}),
        ...options,
      }),
    newUser(roles = ['user']) {
      const userId = randomUUID();
      return { userId, token: signAccessToken(identity.signingKey, { sub: userId, roles }) };
    },
    setProfile(user, fields) {
      const profile: FakePublicProfile = {
        id: user.userId,
        username: null,
        displayName: 'Someone',
        bio: '',
        avatarUrl: null,
        joinedAt: '2026-01-02T03:04:05.000Z',
        ...identity.profiles.get(user.userId),
        ...fields,
      };
      identity.profiles.set(user.userId, profile);
      return profile;
    },
    identity,
    scenario,
    async publish(user, body = {}) {
      const scenarioId = await scenario(user);
      const answer = await call<Record<string, unknown> & { id: string }>('POST', '/api/v1/social/posts', {
        token: user.token,
        body: { scenarioId, ...body },
      });
      if (answer.status !== 201)
        throw new Error(`publish answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    documents: DynamoDBDocumentClient.from(client),
    tableName: dynamoTableName(socialStores.env['DYNAMODB_TABLE_PREFIX']!, 'social'),
    async stop() {
      client.destroy();
      await gateway.stop();
      await social.stop();
      await history.stop();
      await socialStores.cleanup();
      await historyStores.cleanup();
      await identity.close();
    },
  };
}
