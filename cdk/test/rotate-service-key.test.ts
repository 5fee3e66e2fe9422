import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { callersOf, services } from '@what-if/catalog';
import { type Answer, type Rule, type ScriptRun, StandIns, commandLine } from './support/stand-ins';

/**
 * make rotate-service-key against stand-ins for aws that record every call: the order of the
 * calls is what the account sees, and the public keys written are what each callee trusts.
 */
const script = path.join(__dirname, '..', 'scripts', 'rotate-service-key.sh');
const account = '210987654321';
const environment = { ENV: 'prod', ACCOUNT: account, TOKEN_LIFETIME_SECONDS: '0' };

/** Keys made here, at run time: no key material is in the repo. */
function keyPair(): { secret: string; publicKey: string } {
  const privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  return {
    secret: `${JSON.stringify({ value: privateKey })}\n`,
    publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string,
  };
}
const others = keyPair();
const oldKey = keyPair();
const newKey = keyPair();

const stages = (versions: Record<string, string[]>): Answer => ({ stdout: JSON.stringify(versions) });
const before = stages({ v1: ['AWSCURRENT'] });
const pending = stages({ v1: ['AWSCURRENT'], v2: ['AWSPENDING'] });
const promoted = stages({ v2: ['AWSCURRENT'], v1: ['AWSPREVIOUS'] });

/** The calls that change something, as command lines without the region. */
function changes(run: ScriptRun): string[] {
  return run.calls
    .map(commandLine)
    .filter((line) =>
      /put-secret-value|update-secret-version-stage|update-service|wait services-stable/.test(line),
    )
    .map((line) =>
      line
        .replace(/ --region \S+/, '')
        .replace(/ --secret-string file:\/\/\/dev\/stdin/, '')
        .replace(/ --query service\.serviceName --output text/, ''),
    );
}

/** What each put-secret-value of a SERVICE_PUBLIC_KEYS wrote: callee → its callers' keys. */
function trusted(run: ScriptRun): Array<Record<string, Record<string, string | string[]>>> {
  return run.calls
    .filter(
      (call) => call.args.includes('put-secret-value') && call.args.join(' ').includes('SERVICE_PUBLIC_KEYS'),
    )
    .map((call) => {
      const secret = call.args[call.args.indexOf('--secret-id') + 1] ?? '';
      const callee = secret.split('/').at(-2) ?? '';
      const keys = JSON.parse((JSON.parse(call.stdin) as { value: string }).value) as Record<
        string,
        string | string[]
      >;
      return { [callee]: keys };
    });
}

/** Stand-ins for a rotation of `service`'s key, its secret's stages answered in `turns`. */
function rotation(service: string, turns: Answer[], currentValues: Answer[]): StandIns {
  const signing = `whatif/prod/${service}/SERVICE_SIGNING_KEY`;
  const rules: Rule[] = [
    { tool: 'aws', args: /^sts get-caller-identity/, answers: [{ stdout: `${account}\n` }] },
    { tool: 'aws', args: new RegExp(`^secretsmanager describe-secret .*${signing} `), answers: turns },
    { tool: 'aws', args: /^secretsmanager describe-secret/, answers: [before] },
    {
      tool: 'aws',
      args: new RegExp(`^secretsmanager get-secret-value .*${signing} --version-id v2 `),
      answers: [{ stdout: newKey.secret }],
    },
    {
      tool: 'aws',
      args: new RegExp(`^secretsmanager get-secret-value .*${signing} `),
      answers: currentValues,
    },
    {
      tool: 'aws',
      args: /^secretsmanager get-secret-value .*SERVICE_SIGNING_KEY /,
      answers: [{ stdout: others.secret }],
    },
    // Every callee's trusted keys as the last deploy left them: never equal to what is derived.
    {
      tool: 'aws',
      args: /^secretsmanager get-secret-value .*SERVICE_PUBLIC_KEYS /,
      answers: [{ stdout: '{"value":"{}"}\n' }],
    },
  ];
  const standIns = new StandIns(['aws'], rules);
  made.push(standIns);
  return standIns;
}
const made: StandIns[] = [];
afterAll(() => made.forEach((standIns) => standIns.remove()));

const calleesOf = (service: string): string[] =>
  services.map((entry) => entry.name).filter((callee) => callersOf(callee).includes(service as never));

describe('make rotate-service-key', () => {
  it('has every callee trust the old and the new key before the service signs with the new one, and only then drops the old', () => {
    const standIns = rotation(
      'sharing',
      [before, pending, pending, pending, pending, pending, promoted],
      [
        { stdout: oldKey.secret },
        { stdout: oldKey.secret },
        { stdout: oldKey.secret },
        { stdout: newKey.secret },
      ],
    );
    const run = standIns.run(script, { ...environment, SERVICE: 'sharing' });
    expect([run.status, run.stderr]).toEqual([0, '']);

    const callees = calleesOf('sharing');
    expect(callees.sort()).toEqual(['history', 'social', 'user']);
    const publicKeyWrites = callees.map(
      (callee) => `aws secretsmanager put-secret-value --secret-id whatif/prod/${callee}/SERVICE_PUBLIC_KEYS`,
    );
    const restarts = (names: string[]) => [
      ...names.map(
        (name) => `aws ecs update-service --cluster whatif-prod --service ${name} --force-new-deployment`,
      ),
      `aws ecs wait services-stable --cluster whatif-prod --services ${names.join(' ')}`,
    ];
    const orderedCallees = ['user', 'history', 'social'];
    const sequence = changes(run).filter(
      (line) => !/SERVICE_PUBLIC_KEYS/.test(line) || publicKeyWrites.some((write) => line.startsWith(write)),
    );
    expect(sequence).toEqual([
      'aws secretsmanager put-secret-value --secret-id whatif/prod/sharing/SERVICE_SIGNING_KEY --version-stages AWSPENDING',
      ...orderedCallees.map(
        (callee) =>
          `aws secretsmanager put-secret-value --secret-id whatif/prod/${callee}/SERVICE_PUBLIC_KEYS`,
      ),
      ...restarts(orderedCallees),
      'aws secretsmanager update-secret-version-stage --secret-id whatif/prod/sharing/SERVICE_SIGNING_KEY --version-stage AWSCURRENT --move-to-version-id v2 --remove-from-version-id v1',
      'aws secretsmanager update-secret-version-stage --secret-id whatif/prod/sharing/SERVICE_SIGNING_KEY --version-stage AWSPENDING --remove-from-version-id v2',
      ...restarts(['sharing']),
      ...orderedCallees.map(
        (callee) =>
          `aws secretsmanager put-secret-value --secret-id whatif/prod/${callee}/SERVICE_PUBLIC_KEYS`,
      ),
      ...restarts(orderedCallees),
    ]);

    // What each callee trusts for sharing: old and new while sharing switches, then the new alone.
    const writes = trusted(run).filter((write) => orderedCallees.includes(Object.keys(write)[0] ?? ''));
    const sharingKeys = writes.map((write) => Object.values(write)[0]?.sharing);
    expect(sharingKeys).toEqual([
      ...orderedCallees.map(() => [oldKey.publicKey, newKey.publicKey]),
      ...orderedCallees.map(() => newKey.publicKey),
    ]);
    // The other callers' keys are untouched throughout.
    for (const write of writes)
      for (const [caller, keys] of Object.entries(Object.values(write)[0] ?? {}))
        if (caller !== 'sharing') expect(keys).toBe(others.publicKey);
  });

  it("restarts a service's workers with it, and takes up a pending key an interrupted run left instead of making another", () => {
    const standIns = rotation(
      'video',
      [pending, pending, pending, pending, pending, promoted],
      [{ stdout: oldKey.secret }, { stdout: oldKey.secret }, { stdout: newKey.secret }],
    );
    const run = standIns.run(script, { ...environment, SERVICE: 'video' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('has a pending key from an earlier run');
    expect(changes(run).filter((line) => line.includes('SERVICE_SIGNING_KEY --version-stages'))).toEqual([]);
    expect(changes(run)).toContain(
      'aws ecs wait services-stable --cluster whatif-prod --services video video-worker',
    );
  });

  it('refuses a name that is not a catalog service, and credentials of another account, before touching anything', () => {
    const unknown = rotation('sharing', [before], [{ stdout: oldKey.secret }]).run(script, {
      ...environment,
      SERVICE: 'billing',
    });
    expect([unknown.status, unknown.stderr.trim()]).toEqual([
      1,
      'billing has no SERVICE_SIGNING_KEY in prod (not a catalog service?)',
    ]);
    expect(changes(unknown)).toEqual([]);

    const elsewhere = rotation('sharing', [before], [{ stdout: oldKey.secret }]).run(script, {
      ...environment,
      SERVICE: 'sharing',
      ACCOUNT: '123456789012',
    });
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toContain(
      `These credentials are for account ${account}, not ACCOUNT=123456789012`,
    );
    expect(changes(elsewhere)).toEqual([]);
  });
});
