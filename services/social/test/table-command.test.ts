import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type TestStores, provisionStores } from '../../../test/support/service-chassis';
import { type CommandOptions, type TableCommand, executeTableCommand } from '../src/cli/table-command';

let stores: TestStores;
beforeAll(async () => {
  stores = await provisionStores(['dynamodb']);
});
afterAll(async () => {
  await stores?.cleanup();
});

/** Runs a command as an operator would, keeping what it printed. */
async function execute<Options extends CommandOptions>(
  command: TableCommand<Options>,
  argv: string[],
  env: NodeJS.ProcessEnv = stores.env,
) {
  const printed = { stdout: '', stderr: '' };
  const code = await executeTableCommand(command, {
    argv,
    env,
    stdout: (text) => (printed.stdout += text),
    stderr: (text) => (printed.stderr += text),
  });
  return { code, ...printed };
}

const marker: TableCommand<{ id: { type: 'string' }; fail: { type: 'boolean' } }> = {
  name: 'mark',
  usage: 'mark --id <id> [--fail]',
  options: { id: { type: 'string' }, fail: { type: 'boolean' } },
  async run({ table, options }) {
    if (options.fail) throw new Error('the table refused the marker');
    const key = { pk: `TEST#${options.id ?? 'none'}`, sk: 'MARK' };
    await table.documents.send(
      new PutCommand({ TableName: table.tableName, Item: { ...key, marked: true } }),
    );
    const read = await table.documents.send(new GetCommand({ TableName: table.tableName, Key: key }));
    return { report: { marked: read.Item?.['marked'] === true }, exitCode: options.id === 'drifted' ? 1 : 0 };
  },
};

test('a command runs against the table its environment names and prints its report as JSON', async () => {
  const run = await execute(marker, ['--id', 'first']);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(JSON.parse(run.stdout)).toEqual({ marked: true });
  // The command decides that its finding is worth an alert (a cron job reads the exit code).
  expect((await execute(marker, ['--id', 'drifted'])).code).toBe(1);
});

test('a bad argument exits 64 with the usage line, before the table is touched', async () => {
  const run = await execute(marker, ['--post', 'x'], { DYNAMODB_ENDPOINT: 'not a url' });
  expect(run.code).toBe(64);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain("mark: Unknown option '--post'");
  expect(run.stderr).toContain('usage: mark --id <id> [--fail]');
});

test('a bad configuration exits 78 naming the variable', async () => {
  const run = await execute(marker, ['--id', 'x'], { ...stores.env, DYNAMODB_ENDPOINT: 'not a url' });
  expect(run.code).toBe(78);
  expect(run.stderr).toContain('DYNAMODB_ENDPOINT');
  expect(run.stdout).toBe('');
});

test('a command that fails exits 1 with its error and prints no report', async () => {
  const run = await execute(marker, ['--fail']);
  expect(run).toMatchObject({ code: 1, stdout: '' });
  expect(run.stderr).toContain('mark failed: the table refused the marker');
});
