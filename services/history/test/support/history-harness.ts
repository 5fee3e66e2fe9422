import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ServiceName, dynamoTableName, purgeReceivers } from '@what-if/catalog';
import { type Scenario } from '@what-if/contracts';
import { type StartedService, startService } from '@what-if/kit';
import { collectItems, dynamoPurgeOutbox, purgeOutboxPrefix, scanPages } from '@what-if/kit/dynamodb';
import jwt from 'jsonwebtoken';
import { type ApiAnswer, type ApiCall, apiClient } from '../../../../test/support/api-client';
import { type FakeIdentity, startFakeIdentity } from '../../../../test/support/fake-identity';
import { type StandInReceiver, startStandInReceivers } from '../../../../test/support/purge-receivers';
import { type TestStores, inProcessEnv, provisionStores } from '../../../../test/support/service-chassis';
import { serviceToken, testServiceIdentity } from '../../../../test/support/service-identity';
import { type AccessTokenOptions, signAccessToken } from '../../../../test/support/tokens';
import { historyService } from '../../src/service';
import { type ScenarioStore, createScenarioStore } from '../../src/store/scenario-store';

type Call = ApiCall;

/** Another replica of the service on the same table, as a deployment runs several. */
export interface Replica {
  call: Call;
  stop(): Promise<void>;
}

/** The history service on real dynalite, with a fake user service publishing its JWKS. */
export interface HistoryHarness {
  url: string;
  identity: FakeIdentity;
  /** Stand-ins for the receivers of scenario purges (sharing, social, video), up unless a test says. */
  receivers: Map<ServiceName, StandInReceiver>;
  /** A fresh user id and a valid access token for it. */
  newUser(): { userId: string; token: string };
  token(options: AccessTokenOptions): string;
  call: Call;
  /** Starts one more replica on the same stores, with extra variables. */
  replica(env?: Record<string, string>): Promise<Replica>;
  /** Saves many scenarios for one user straight through the store, for histories too long to post. */
  seed(ownerId: string, scenarios: readonly Scenario[]): Promise<void>;
  /** Saves a scenario as generation does for the token's user, failing the test unless it is created. */
  save(token: string, scenario: Scenario): Promise<void>;
  /** Calls an internal endpoint as a service of the catalog (generation unless told), with its service token. */
  callAs(caller: ServiceName, method: string, path: string, body?: unknown): Promise<ApiAnswer>;
  /**
   * Every item in the table whose attributes mention the scenario id (keys or index keys), purge
   * instructions aside: those hold only ids and go once every receiver has them (see `purgeOutbox`).
   */
  itemsOf(scenarioId: string): Promise<Array<Record<string, unknown>>>;
  /** Removes one item of a scenario behind the service's back, as a write that failed halfway leaves it. */
  removeItem(scenarioId: string, item: 'SUMMARY' | 'BODY'): Promise<void>;
  /** Writes an item as it is, behind the service's back. */
  putItem(item: Record<string, unknown>): Promise<void>;
  /**
   * The service's store on the same table, each of its commands first shown to `beforeSend`
   * (which may do other writes, or throw to fail that command): fault injection without mocks.
   */
  storeWith(beforeSend: (command: object) => Promise<void>): ScenarioStore;
  /** The purge instructions still waiting for a receiver. */
  purgeOutbox(): Promise<Array<Record<string, unknown>>>;
  /** Writes a scenario purge's intent alone, as a replica that died before its delete left it. */
  recordScenarioPurge(scenarioId: string, ownerId: string): Promise<void>;
  /** What an index holds under one partition, read directly. */
  indexEntries(index: 'gsi1' | 'gsi2', partition: string): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

export async function startHistory(env: Record<string, string> = {}): Promise<HistoryHarness> {
  const stores: TestStores = await provisionStores(['dynamodb']);
  const identity = await startFakeIdentity();
  const standIns = await startStandInReceivers(purgeReceivers('scenario'));
  const start = (extra: Record<string, string>) =>
    startService(historyService, {
      env: {
        ...process.env,
        ...inProcessEnv,
        ...testServiceIdentity('history'),
        ...stores.env,
        USER_SERVICE_URL: identity.url,
        ...standIns.env,
        PURGE_RELAY_POLL_MS: '200',
        ...extra,
      },
    });
  let running: StartedService<unknown>;
  try {
    running = await start(env);
  } catch (error) {
    await identity.close();
    await standIns.close();
    await stores.cleanup();
    throw error;
  }
  const tableName = dynamoTableName(stores.env['DYNAMODB_TABLE_PREFIX']!, 'scenarios');
  const client = new DynamoDBClient({
    endpoint: stores.env['DYNAMODB_ENDPOINT'],
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documents = DynamoDBDocumentClient.from(client);

  const call = apiClient(running.url);
  const everyItem = () => collectItems(scanPages({ documents, tableName }, {}));

  return {
    url: running.url,
    identity,
    receivers: standIns.receivers,
    newUser() {
      const userId = `user-${randomUUID()}`;
      return { userId, token: signAccessToken(identity.signingKey, { sub: userId }) };
    },
    token: (options) => signAccessToken(identity.signingKey, options),
    call,
    async replica(extra = {}) {
      const replica = await start(extra);
      return { call: apiClient(replica.url), stop: () => replica.stop() };
    },
    async seed(ownerId, scenarios) {
      const store = createScenarioStore(documents, tableName);
      for (let index = 0; index < scenarios.length; index += 25) {
        await Promise.all(
          scenarios.slice(index, index + 25).map((scenario) => store.save(ownerId, scenario)),
        );
      }
    },
    callAs: (caller, method, path, body) =>
      call(method, path, { token: serviceToken(caller, 'history'), ...(body === undefined ? {} : { body }) }),
    async save(token, scenario) {
      const ownerId = (jwt.decode(token) as { sub: string }).sub;
      const answer = await call('PUT', `/internal/v1/scenarios/${encodeURIComponent(scenario.id)}`, {
        token: serviceToken('generation', 'history'),
        body: { ownerId, scenario },
      });
      if (answer.status !== 201)
        throw new Error(`save answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    },
    async itemsOf(scenarioId) {
      return (await everyItem()).filter(
        (item) =>
          !String(item['pk']).startsWith(purgeOutboxPrefix) && JSON.stringify(item).includes(scenarioId),
      );
    },
    async recordScenarioPurge(scenarioId, ownerId) {
      await dynamoPurgeOutbox({ documents, tableName, origin: 'history' }).record(
        'scenario',
        scenarioId,
        ownerId,
      );
    },
    async purgeOutbox() {
      return (await everyItem()).filter((item) => String(item['pk']).startsWith(purgeOutboxPrefix));
    },
    async removeItem(scenarioId, item) {
      await documents.send(
        new DeleteCommand({ TableName: tableName, Key: { pk: `SCENARIO#${scenarioId}`, sk: item } }),
      );
    },
    async putItem(item) {
      await documents.send(new PutCommand({ TableName: tableName, Item: item }));
    },
    storeWith(beforeSend) {
      const intercepted = {
        send: async (command: object) => {
          await beforeSend(command);
          return documents.send(command as never);
        },
      } as unknown as DynamoDBDocumentClient;
      return createScenarioStore(intercepted, tableName);
    },
    async indexEntries(index, partition) {
      const page = await documents.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': `${index}pk` },
          ExpressionAttributeValues: { ':pk': partition },
        }),
      );
      return page.Items ?? [];
    },
    async stop() {
      client.destroy();
      await running.stop();
      await identity.close();
      await standIns.close();
      await stores.cleanup();
    },
  };
}
