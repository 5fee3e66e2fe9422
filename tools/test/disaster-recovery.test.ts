import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { dynamoTableName } from '@what-if/catalog';
import { createDynamo, ensureTables } from '@what-if/kit/dynamodb';
import { startTestDynamo, type TestDynamo } from '../../test/support/stores';
import { catalogTables, exportAt, exportTables, restoreTables } from '../src/dr/dynamodb-backup';
import {
  disasterRecoveryRunbook,
  parseDuration,
  readRunbook,
  recoveryTargets,
  runbookBlocks,
} from '../src/dr/runbook';
import { drillSteps } from '../src/dr/steps';

const runbookText = readFileSync(disasterRecoveryRunbook, 'utf8');

describe('runbooks/disaster-recovery.md', () => {
  const blocks = readRunbook();

  test('every command block is run by the drill or marked AWS-only with what stands in for it locally', () => {
    expect(blocks.length).toBeGreaterThan(drillSteps.length);
    const unmarked = blocks.filter((block) => block.kind === 'unmarked').map((block) => `line ${block.line}`);
    expect(unmarked).toEqual([]);
    for (const block of blocks) {
      if (block.kind === 'aws-only') expect(block.locally.length).toBeGreaterThan(10);
    }
  });

  test('holds exactly one block for each step the drill runs, and no drill block the drill does not run', () => {
    const drillBlocks = blocks.flatMap((block) => (block.kind === 'drill' ? [block.step] : []));
    expect([...drillBlocks].sort()).toEqual([...drillSteps].sort());
  });

  test('states RPO and RTO targets for every store, and the drill targets it measures against', () => {
    const production = runbookText.split('<!-- production-targets -->')[1]!.split('\n\n')[0]!;
    for (const store of ['PostgreSQL (RDS)', 'DynamoDB', 'S3 videos', 'Redis']) {
      expect(production).toContain(`| ${store} |`);
    }
    expect(recoveryTargets(runbookText, 'drill-targets').map((target) => target.store)).toEqual([
      'PostgreSQL',
      'DynamoDB',
    ]);
  });

  test('a block without a marker, or with a malformed one, is reported as unmarked', () => {
    const markdown = [
      '<!-- drill: pg-restore -->',
      '```sh',
      'pg_ctl start',
      '```',
      '',
      '```sh',
      'rm -rf /',
      '```',
      '<!-- aws-only -->',
      '```sh',
      'aws rds wait',
      '```',
      '```json',
      '{}',
      '```',
    ].join('\n');
    expect(runbookBlocks(markdown).map((block) => [block.kind, block.line])).toEqual([
      ['drill', 2],
      ['unmarked', 6],
      ['unmarked', 10],
    ]);
  });

  test('durations read as an operator writes them', () => {
    expect([parseDuration('10 s'), parseDuration('5 min'), parseDuration('4 h')]).toEqual([10, 300, 14_400]);
    expect(() => parseDuration('soon')).toThrow('"soon" is not a duration');
  });
});

describe('the DynamoDB export and point-in-time restore (the drill runs them through their command lines)', () => {
  let dynamo: TestDynamo;
  let folder: string;
  const store = () => createDynamo({ endpoint: dynamo.endpoint, region: 'us-east-1', tables: [] });

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    folder = mkdtempSync(path.join(os.tmpdir(), 'whatif-dr-test-'));
  });
  afterAll(async () => {
    await dynamo.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a restore to a moment brings back every table as the newest export finished by then had it, binary values included', async () => {
    const client = store();
    const live = `${dynamo.tablePrefix}live-`;
    await ensureTables(client.client, live, catalogTables);
    const scenarios = dynamoTableName(live, 'scenarios');
    const key = (id: string) => ({ pk: { S: `USER#dr` }, sk: { S: `SCENARIO#${id}` } });
    await client.client.send(
      new PutItemCommand({
        TableName: scenarios,
        Item: {
          ...key('one'),
          title: { S: 'First' },
          blob: { B: Buffer.from([0, 1, 254, 255]) },
          tags: { SS: ['a', 'b'] },
        },
      }),
    );
    const first = await exportTables(client.client, live, folder);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client.client.send(
      new PutItemCommand({ TableName: scenarios, Item: { ...key('two'), title: { S: 'Second' } } }),
    );
    await exportTables(client.client, live, folder);

    expect(exportAt(folder, between).folder).toBe(first.folder);
    expect(() => exportAt(folder, new Date(Date.parse(first.manifest.startedAt) - 1000))).toThrow(
      'no export',
    );

    const restored = `${dynamo.tablePrefix}restored-`;
    const counts = await restoreTables(client.client, exportAt(folder, between).folder, restored);
    expect(counts.map((table) => table.physicalName).sort()).toEqual(
      catalogTables.map((table) => dynamoTableName(restored, table.name)).sort(),
    );
    const restoredScenarios = dynamoTableName(restored, 'scenarios');
    const items = (await client.client.send(new ScanCommand({ TableName: restoredScenarios }))).Items ?? [];
    expect(items.map((item) => item['title']?.S)).toEqual(['First']);
    const one = await client.client.send(
      new GetItemCommand({ TableName: restoredScenarios, Key: key('one') }),
    );
    expect(Buffer.from(one.Item!['blob']!.B!)).toEqual(Buffer.from([0, 1, 254, 255]));
    expect(one.Item!['tags']!.SS!.sort()).toEqual(['a', 'b']);

    // As in AWS, a restore never writes into tables that exist.
    await expect(restoreTables(client.client, first.folder, restored)).rejects.toThrow('exist already');
    await client.close();
  });
});
