import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { deploymentSecret } from '@what-if/kit/dynamodb';
import { type KeyedTables, startKeyedTables } from './support/keyed-tables';

let tables: KeyedTables;
let documents: DynamoDBDocumentClient;
let tableName: string;

beforeAll(async () => {
  tables = await startKeyedTables();
  ({ documents, tableName } = await tables.create('things'));
});

afterAll(async () => {
  await tables?.close();
});

const location = (name: string) => ({
  documents,
  tableName,
  key: { pk: `CONFIG#${name}`, sk: `CONFIG#${name}` },
  purpose: name,
});

test('replicas starting at once all get the one secret the first of them wrote, 32 random bytes', async () => {
  const secrets = await Promise.all(
    Array.from({ length: 8 }, () => deploymentSecret(location('cursor-key'))),
  );
  expect(secrets[0]).toHaveLength(32);
  for (const secret of secrets) expect(secret.equals(secrets[0]!)).toBe(true);
  // A later start (another replica, a restart) reads the same one.
  expect((await deploymentSecret(location('cursor-key'))).equals(secrets[0]!)).toBe(true);
  const stored = await documents.send(
    new GetCommand({ TableName: tableName, Key: location('cursor-key').key, ConsistentRead: true }),
  );
  expect(Buffer.from(stored.Item?.['secret'] as string, 'base64').equals(secrets[0]!)).toBe(true);
});

test('each purpose has a secret of its own', async () => {
  const cursor = await deploymentSecret(location('cursor-key'));
  const visitor = await deploymentSecret(location('visitor-key'));
  expect(visitor).toHaveLength(32);
  expect(visitor.equals(cursor)).toBe(false);
});

test('a table it cannot reach is an error, not a key made up in memory', async () => {
  await expect(
    deploymentSecret({ ...location('cursor-key'), tableName: `${tableName}-missing` }),
  ).rejects.toThrow();
});
