import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callersOf, services } from '@what-if/catalog';
import { type Answer, type Rule, type ScriptRun, StandIns, commandLine } from './support/stand-ins';

/**
 * The release scripts run end to end against stand-ins for aws, helm, kubectl, docker, curl and
 * the cdk CLI that record every call: the order of the calls is what an operator would see
 * happen to the account and the cluster.
 */
const scripts = path.join(__dirname, '..', 'scripts');
const account = '210987654321';
const tag = 'abc1234';
const digest = (service: string) =>
  `sha256:${Buffer.from(service.padEnd(32, '0')).toString('hex').slice(0, 64)}`;
const environment = { ENV: 'prod', IMAGE_TAG: tag, ALLOW_DIRTY: '1', POLL_SECONDS: '0', SMOKE_PORT: '18999' };

const stackOutputs = JSON.stringify([
  ...['user', 'generation', 'history', 'sharing', 'video', 'video-worker', 'social'].map((service) => ({
    OutputKey: `${service}RoleArn`,
    OutputValue: `arn:aws:iam::${account}:role/whatif-prod-eks-${service}`,
  })),
  {
    OutputKey: 'ExternalSecretsRoleArn',
    OutputValue: `arn:aws:iam::${account}:role/whatif-prod-eks-external-secrets`,
  },
  {
    OutputKey: 'WebAclArn',
    OutputValue: `arn:aws:wafv2:us-east-1:${account}:regional/webacl/whatif-prod-eks-api/1111`,
  },
  { OutputKey: 'AccessLogsBucket', OutputValue: 'whatif-prod-eks-accesslogs-bucket' },
  { OutputKey: 'CertificateArn', OutputValue: `arn:aws:acm:us-east-1:${account}:certificate/2222` },
  { OutputKey: 'VideoBucket', OutputValue: `whatif-prod-videos-${account}-us-east-1` },
]);

const once = (answer: Answer): Answer[] => [answer];
const secretValue = (value: string): Answer => ({ stdout: `${JSON.stringify({ value })}\n` });

/**
 * The services' signing keys as an earlier run left them (made here, so no key is in the repo):
 * the scripts derive each service's SERVICE_PUBLIC_KEYS from its callers' signing keys.
 */
const storedSigningKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;
const storedPublicKey = createPublicKey(storedSigningKey).export({ type: 'spki', format: 'pem' }) as string;

/** Each service's signing key (`first` answered before the stored one), and its current public keys. */
function serviceKeySecrets(first?: Answer): Rule[] {
  return services.flatMap((entry) => [
    {
      tool: 'aws',
      args: new RegExp(`^secretsmanager get-secret-value .*/${entry.name}/SERVICE_SIGNING_KEY `),
      answers: [...(first ? [first] : []), secretValue(storedSigningKey)],
    },
    {
      tool: 'aws',
      args: new RegExp(`^secretsmanager get-secret-value .*/${entry.name}/SERVICE_PUBLIC_KEYS `),
      answers: once(
        secretValue(
          JSON.stringify(
            Object.fromEntries(callersOf(entry.name).map((caller) => [caller, storedPublicKey])),
          ),
        ),
      ),
    },
  ]);
}

const common: Rule[] = [
  { tool: 'aws', args: /^sts get-caller-identity/, answers: once({ stdout: `${account}\n` }) },
  { tool: 'aws', args: /^cloudformation describe-stacks/, answers: once({ stdout: stackOutputs }) },
  ...serviceKeySecrets(),
  {
    tool: 'aws',
    args: /^secretsmanager get-secret-value/,
    // Any non-empty value means the key was made on an earlier run; no key material in the repo.
    answers: once({ stdout: '{"value":"stored on an earlier run"}\n' }),
  },
  {
    tool: 'kubectl',
    args: /^get ingress what-if-gateway/,
    answers: once({ stdout: 'k8s-whatif-1234.us-east-1.elb.amazonaws.com' }),
  },
];

/** Every Rollout Healthy, the gateway first Progressing, then Paused for its promotion, then Healthy. */
function rolloutPhases(gateway: string[], others: string[] = ['Healthy']): Rule[] {
  return [
    {
      tool: 'kubectl',
      args: /^get rollout what-if-gateway .*phase/,
      answers: gateway.map((stdout) => ({ stdout })),
    },
    { tool: 'kubectl', args: /^get rollout .*phase/, answers: others.map((stdout) => ({ stdout })) },
  ];
}

const tools = ['aws', 'helm', 'kubectl', 'docker', 'skopeo', 'curl', 'npx'];

function recordImages(standIns: StandIns, imageTag = tag): void {
  writeFileSync(
    path.join(standIns.releaseDir, 'images.tsv'),
    services
      .map((entry) => [entry.name, `whatif-prod/${entry.name}`, imageTag, digest(entry.name)].join('\t'))
      .join('\n') + '\n',
  );
}

/** The calls made, as command lines; of one tool, its arguments only. */
function lines(run: ScriptRun, tool?: string): string[] {
  return tool
    ? run.calls.filter((call) => call.tool === tool).map((call) => call.args.join(' '))
    : run.calls.map(commandLine);
}

const standInsMade: StandIns[] = [];
function standIns(rules: Rule[]): StandIns {
  const made = new StandIns(tools, rules);
  standInsMade.push(made);
  return made;
}
afterAll(() => standInsMade.forEach((made) => made.remove()));

describe('make deploy-eks', () => {
  it('installs the release from the stacks outputs, checks the gateway preview, promotes it and points the domain at the ALB', () => {
    const fakes = standIns([
      ...common,
      {
        tool: 'helm',
        args: /^status what-if/,
        answers: once({ exitCode: 1, stderr: 'Error: release: not found' }),
      },
      ...rolloutPhases(['Progressing', 'Paused', 'Paused', 'Healthy']),
    ]);
    recordImages(fakes);
    const run = fakes.run(path.join(scripts, 'deploy-eks.sh'), environment);
    expect(run.stderr).not.toMatch(/Giving up/);
    expect(run.status).toBe(0);

    const helm = lines(run, 'helm');
    expect(helm[0]).toBe('status what-if -n what-if');
    expect(helm[1]).toMatch(
      /^upgrade --install what-if charts\/what-if -n what-if --atomic --wait --timeout 15m -f charts\/what-if\/values-eks-prod.yaml -f .*\/eks-values.yaml --create-namespace --take-ownership$/,
    );
    expect(helm.slice(2)).toEqual(['test what-if -n what-if --timeout 5m']);

    const sequence = lines(run).map((line) => line.split(' ').slice(0, 3).join(' '));
    const order = [
      'aws sts get-caller-identity',
      'aws cloudformation describe-stacks',
      'aws secretsmanager get-secret-value',
      'aws eks update-kubeconfig',
      'helm upgrade --install',
      'kubectl port-forward -n',
      'kubectl argo rollouts',
      'aws route53 change-resource-record-sets',
      'helm test what-if',
    ];
    const positions = order.map((step) => sequence.indexOf(step));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(lines(run, 'kubectl')).toContain('argo rollouts promote what-if-gateway -n what-if');
    expect(lines(run, 'kubectl')).toContain(
      'port-forward -n what-if service/what-if-gateway-preview 18999:3000',
    );
    expect(lines(run, 'curl').map((line) => line.split(' ').pop())).toEqual([
      'http://127.0.0.1:18999/health/ready',
      'http://127.0.0.1:18999/health',
      'http://127.0.0.1:18999/openapi.json',
    ]);
    // The signing key exists: nothing is written to Secrets Manager.
    expect(lines(run, 'aws').filter((line) => line.includes('put-secret-value'))).toEqual([]);

    const values = JSON.parse(readFileSync(path.join(fakes.releaseDir, 'eks-values.yaml'), 'utf8'));
    expect(values.global.image).toEqual({ registry: `${account}.dkr.ecr.us-east-1.amazonaws.com`, tag });
    expect(values.services.history.image).toEqual({
      repository: 'whatif-prod/history',
      digest: digest('history'),
    });
    expect(values.services.history.awsRoleArn).toBe(`arn:aws:iam::${account}:role/whatif-prod-eks-history`);
    expect(values.services.gateway.awsRoleArn).toBeUndefined();
    expect(values.ingress.alb.certificateArn).toBe(`arn:aws:acm:us-east-1:${account}:certificate/2222`);
    expect(values.rollouts).toEqual({ enabled: true });
  });

  it('upgrades an installed release without taking the namespace over again', () => {
    const fakes = standIns([...common, ...rolloutPhases(['Healthy'])]);
    recordImages(fakes);
    const run = fakes.run(path.join(scripts, 'deploy-eks.sh'), environment);
    expect(run.status).toBe(0);
    const upgrade = lines(run, 'helm').find((line) => line.startsWith('upgrade'))!;
    expect(upgrade).not.toContain('--create-namespace');
    // Nothing new for the gateway: no preview to check, nothing to promote.
    expect(lines(run, 'kubectl').filter((line) => /port-forward|promote/.test(line))).toEqual([]);
  });

  it('stops on a failed pre-promotion analysis and rolls the release back; the gateway is never promoted', () => {
    const fakes = standIns([...common, ...rolloutPhases(['Progressing', 'Degraded'])]);
    recordImages(fakes);
    const run = fakes.run(path.join(scripts, 'deploy-eks.sh'), environment);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/what-if-gateway is Degraded/);
    expect(run.stderr).toMatch(/Giving up on this release: a pre-promotion analysis failed/);
    expect(lines(run, 'helm').slice(-1)).toEqual(['rollback what-if -n what-if --wait --timeout 15m']);
    expect(lines(run, 'kubectl').filter((line) => line.includes('promote'))).toEqual([]);
    expect(lines(run, 'aws').filter((line) => line.includes('route53'))).toEqual([]);
  });

  it('aborts the gateway rollout when the smoke check through its preview fails', () => {
    const fakes = standIns([
      ...common,
      ...rolloutPhases(['Paused']),
      { tool: 'curl', args: /\/health$/, answers: once({ exitCode: 22, stderr: 'curl: (22) 503' }) },
    ]);
    recordImages(fakes);
    const run = fakes.run(path.join(scripts, 'deploy-eks.sh'), environment);
    expect(run.status).toBe(1);
    const kubectl = lines(run, 'kubectl');
    expect(kubectl).toContain('argo rollouts abort what-if-gateway -n what-if');
    expect(kubectl.filter((line) => line.includes('promote'))).toEqual([]);
    expect(lines(run, 'helm').slice(-1)).toEqual(['rollback what-if -n what-if --wait --timeout 15m']);
  });

  it('leaves the previous release to helm --atomic when the upgrade fails, and goes no further', () => {
    const fakes = standIns([
      ...common,
      {
        tool: 'helm',
        args: /^upgrade/,
        answers: once({
          exitCode: 1,
          stderr:
            'Error: UPGRADE FAILED: release what-if failed, and has been rolled back due to atomic being set',
        }),
      },
    ]);
    recordImages(fakes);
    const run = fakes.run(path.join(scripts, 'deploy-eks.sh'), environment);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('has been rolled back due to atomic being set');
    const after = run.calls.slice(
      run.calls.findIndex((call) => call.tool === 'helm' && call.args[0] === 'upgrade') + 1,
    );
    expect(after.map(commandLine)).toEqual([]);
  });

  it('refuses to start without the images of this commit', () => {
    const fakes = standIns(common);
    recordImages(fakes, 'fedcba9');
    const run = fakes.run(path.join(scripts, 'deploy-eks.sh'), environment);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No images of abc1234 are recorded');
    expect(run.calls.filter((call) => call.tool !== 'aws' || call.args[0] !== 'sts')).toEqual([]);
  });

  it('refuses a record that lacks an image of the release', () => {
    const fakes = standIns(common);
    recordImages(fakes);
    const file = path.join(fakes.releaseDir, 'images.tsv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^video\t.*\n/m, ''));
    const run = fakes.run(path.join(scripts, 'deploy-eks.sh'), environment);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('records no digest of whatif-prod/video: run make images ENV=prod again');
    expect(lines(run, 'helm')).toEqual([]);
  });

  it('makes the signing key the user service cannot start without, before helm runs', () => {
    const fakes = standIns([
      ...common.filter((rule) => !String(rule.args).includes('get-secret-value')),
      // Nothing stored yet: each signing key reads empty, then (once made) as made.
      ...serviceKeySecrets(secretValue('')),
      { tool: 'aws', args: /^secretsmanager get-secret-value/, answers: once(secretValue('')) },
      ...rolloutPhases(['Healthy']),
    ]);
    recordImages(fakes);
    const run = fakes.run(path.join(scripts, 'deploy-eks.sh'), environment);
    expect(run.status).toBe(0);
    const put = run.calls.find(
      (call) =>
        call.tool === 'aws' &&
        call.args[1] === 'put-secret-value' &&
        call.args.includes('whatif/prod/user/JWT_SIGNING_KEY'),
    )!;
    expect(put.args).toContain('whatif/prod/user/JWT_SIGNING_KEY');
    expect(put.stdinBytes).toBeGreaterThan(100);
    const order = run.calls.map(commandLine);
    expect(order.findIndex((line) => line.includes('put-secret-value'))).toBeLessThan(
      order.findIndex((line) => line.startsWith('helm upgrade')),
    );
  });
});

describe('make rollback-eks', () => {
  it('returns the previous helm revision and promotes the gateway once its analysis passed', () => {
    const fakes = standIns([...common, ...rolloutPhases(['Progressing', 'Paused', 'Paused', 'Healthy'])]);
    const run = fakes.run(path.join(scripts, 'rollback-eks.sh'), { ENV: 'prod', POLL_SECONDS: '0' });
    expect(run.status).toBe(0);
    expect(lines(run, 'helm')).toEqual([
      'history what-if -n what-if --max 5',
      'rollback what-if -n what-if --wait --timeout 15m',
      'history what-if -n what-if --max 2',
    ]);
    expect(lines(run, 'kubectl')).toContain('argo rollouts promote what-if-gateway -n what-if');
    expect(lines(run).filter((line) => /docker|npx|cloudformation|upgrade/.test(line))).toEqual([]);
  });

  it('fails when helm has no revision to go back to', () => {
    const fakes = standIns([
      ...common,
      {
        tool: 'helm',
        args: /^rollback/,
        answers: once({ exitCode: 1, stderr: 'Error: release has no 0 version' }),
      },
    ]);
    const run = fakes.run(path.join(scripts, 'rollback-eks.sh'), { ENV: 'prod', POLL_SECONDS: '0' });
    expect(run.status).toBe(1);
    expect(lines(run, 'kubectl').filter((line) => line.includes('promote'))).toEqual([]);
  });
});

describe('make images', () => {
  /** What the stand-in skopeo prints as an archive's image index, and the digest of those bytes. */
  const index = (service: string) =>
    `{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","service":"${service}"}`;
  const indexDigest = (service: string) =>
    `sha256:${createHash('sha256').update(index(service)).digest('hex')}`;
  const inspect: Rule[] = services.map((entry) => ({
    tool: 'skopeo',
    args: new RegExp(`^inspect --raw oci-archive:.*/${entry.name}\\.tar$`),
    answers: once({ stdout: index(entry.name) }),
  }));
  /** ECR: the services in held hold that digest under this commit's tag; the rest lack it until pushed. */
  const ecr = (held: Partial<Record<string, string>>): Rule[] =>
    services.map((entry) => ({
      tool: 'aws',
      args: new RegExp(`^ecr describe-images .*--repository-name whatif-prod/${entry.name} `),
      answers: held[entry.name]
        ? once({ stdout: `${held[entry.name]}\n` })
        : [{ exitCode: 254, stderr: 'ImageNotFoundException' }, { stdout: `${indexDigest(entry.name)}\n` }],
    }));
  const registry = `${account}.dkr.ecr.us-east-1.amazonaws.com`;

  it('builds the OCI archives ECR lacks as the release workflow does, pushes them by digest and records every digest', () => {
    const fakes = standIns([
      ...common,
      ...inspect,
      ...ecr({ gateway: digest('already'), user: digest('already') }),
    ]);
    const run = fakes.run(path.join(scripts, 'images.sh'), environment);
    expect(run.status).toBe(0);
    expect(lines(run, 'npx')[0]).toMatch(
      /^--no-install cdk --no-notices --output cdk.out\/prod deploy --require-approval broadening WhatIf-prod-Registry /,
    );
    expect(lines(run, 'skopeo')[0]).toBe(`login --username AWS --password-stdin ${registry}`);
    const built = services.filter((entry) => !['gateway', 'user'].includes(entry.name));
    expect(lines(run, 'docker')).toEqual(
      built.map(
        (entry) =>
          `buildx build --platform linux/amd64,linux/arm64 --build-arg SERVICE=${entry.name} --build-arg PORT=${entry.port} ` +
          `--sbom=true --provenance=mode=max --output type=oci,dest=${fakes.releaseDir}/images/${tag}/${entry.name}.tar .`,
      ),
    );
    expect(lines(run, 'skopeo').filter((line) => line.startsWith('copy'))).toEqual(
      built.map(
        (entry) =>
          `copy --all --preserve-digests oci-archive:${fakes.releaseDir}/images/${tag}/${entry.name}.tar docker://${registry}/whatif-prod/${entry.name}:${tag}`,
      ),
    );
    const recorded = readFileSync(path.join(fakes.releaseDir, 'images.tsv'), 'utf8').trim().split('\n');
    expect(recorded).toEqual(
      services.map((entry) =>
        [
          entry.name,
          `whatif-prod/${entry.name}`,
          tag,
          ['gateway', 'user'].includes(entry.name) ? digest('already') : indexDigest(entry.name),
        ].join('\t'),
      ),
    );
  });

  it("pushes the release workflow's archives as they are, keeps what ECR holds already and builds nothing", () => {
    const archives = mkdtempSync(path.join(os.tmpdir(), 'what-if-archives-'));
    for (const entry of services) {
      writeFileSync(path.join(archives, `${entry.name}.tar`), 'an OCI archive');
      writeFileSync(path.join(archives, `${entry.name}.digest`), indexDigest(entry.name));
    }
    // gateway and user hold the archives' own digests: an earlier run pushed them.
    const withArchives = standIns([
      ...common,
      ...inspect,
      ...ecr({ gateway: indexDigest('gateway'), user: indexDigest('user') }),
    ]);
    const run = withArchives.run(path.join(scripts, 'images.sh'), {
      ...environment,
      IMAGE_ARCHIVES: archives,
    });
    rmSync(archives, { recursive: true });
    expect(run.status).toBe(0);
    expect(lines(run, 'docker')).toEqual([]);
    expect(lines(run, 'skopeo').filter((line) => line.startsWith('copy'))).toHaveLength(services.length - 2);
    const recorded = readFileSync(path.join(withArchives.releaseDir, 'images.tsv'), 'utf8')
      .trim()
      .split('\n');
    expect(recorded).toEqual(
      services.map((entry) =>
        [entry.name, `whatif-prod/${entry.name}`, tag, indexDigest(entry.name)].join('\t'),
      ),
    );
  });

  it('refuses an archive whose image is not the one its build recorded, or another image under the tag', () => {
    const archives = mkdtempSync(path.join(os.tmpdir(), 'what-if-archives-'));
    for (const entry of services) writeFileSync(path.join(archives, `${entry.name}.tar`), 'an OCI archive');
    writeFileSync(path.join(archives, 'gateway.digest'), digest('rebuilt'));
    const tampered = standIns([...common, ...inspect, ...ecr({})]);
    const first = tampered.run(path.join(scripts, 'images.sh'), { ...environment, IMAGE_ARCHIVES: archives });
    expect(first.status).toBe(1);
    expect(first.stderr).toContain(
      `is ${indexDigest('gateway')}, not the ${digest('rebuilt')} its build recorded`,
    );

    rmSync(path.join(archives, 'gateway.digest'));
    const taken = standIns([...common, ...inspect, ...ecr({ gateway: digest('someone else') })]);
    const second = taken.run(path.join(scripts, 'images.sh'), { ...environment, IMAGE_ARCHIVES: archives });
    rmSync(archives, { recursive: true });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(
      `already holds ${digest('someone else')}, not this archive's ${indexDigest('gateway')}; tags are immutable`,
    );
    for (const run of [first, second]) {
      expect(lines(run, 'skopeo').filter((line) => line.startsWith('copy'))).toEqual([]);
    }
    expect(existsSync(path.join(taken.releaseDir, 'images.tsv'))).toBe(false);
  });

  it('records nothing when a push fails', () => {
    const fakes = standIns([
      ...common,
      ...inspect,
      { tool: 'aws', args: /^ecr describe-images/, answers: once({ exitCode: 254 }) },
      { tool: 'skopeo', args: /^copy/, answers: once({ exitCode: 1, stderr: 'denied' }) },
    ]);
    const run = fakes.run(path.join(scripts, 'images.sh'), environment);
    expect(run.status).toBe(1);
    expect(existsSync(path.join(fakes.releaseDir, 'images.tsv'))).toBe(false);
  });
});

describe('make chart-release', () => {
  const script = path.join(__dirname, '..', '..', 'tools', 'release', 'chart-release.sh');

  it('pins the chart to the digests make images recorded, the ones ECS runs, and asks ECR for none', () => {
    const fakes = standIns(common);
    recordImages(fakes);
    const run = fakes.run(script, { ENV: 'prod', IMAGE_TAG: tag, HELM: 'helm' });
    expect([run.status, run.stderr.split('\n').filter((line) => /refus|run make|error/i.test(line))]).toEqual(
      [0, []],
    );
    expect(lines(run, 'aws').filter((line) => line.startsWith('ecr describe-images'))).toEqual([]);
    const helm = lines(run, 'helm');
    expect(helm.at(-1)).toMatch(
      new RegExp(
        `^push .*/what-if-0\\.1\\.0\\+${tag}\\.tgz oci://${account}\\.dkr\\.ecr\\.us-east-1\\.amazonaws\\.com/whatif-prod/charts$`,
      ),
    );
  });

  it('refuses to push a chart without the images of this commit', () => {
    const fakes = standIns(common);
    recordImages(fakes, 'fedcba9');
    const run = fakes.run(script, { ENV: 'prod', IMAGE_TAG: tag, HELM: 'helm' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No images of abc1234 are recorded');
    expect(lines(run, 'helm')).toEqual([]);
  });
});

describe('make deploy-eks-prereqs', () => {
  it('deploys the prerequisites stack (and with it the network and data stacks it shares with ECS)', () => {
    const fakes = standIns(common);
    const run = fakes.run(path.join(scripts, 'deploy-eks-prereqs.sh'), { ENV: 'prod' });
    expect(run.status).toBe(0);
    expect(lines(run, 'npx')).toEqual([
      expect.stringMatching(
        /^--no-install cdk --no-notices --output cdk.out\/prod deploy --require-approval broadening -c eks=true WhatIf-prod-EksPrerequisites -c env=prod -c imageTag=prerequisites -c strict=true$/,
      ),
    ]);
  });

  it('refuses credentials of another account than ACCOUNT', () => {
    const fakes = standIns(common);
    const run = fakes.run(path.join(scripts, 'deploy-eks-prereqs.sh'), {
      ENV: 'prod',
      ACCOUNT: '111111111111',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`These credentials are for account ${account}, not ACCOUNT=111111111111`);
    expect(lines(run, 'npx')).toEqual([]);
  });
});

describe('make rollback-ecs', () => {
  const ecs: Rule[] = [
    {
      tool: 'aws',
      args: /^ecs describe-services/,
      answers: once({ stdout: 'arn:aws:ecs:us-east-1:210987654321:task-definition/gateway:12\n' }),
    },
    {
      tool: 'aws',
      args: /^ecs describe-task-definition .*gateway:12 /,
      answers: once({ stdout: `${account}.dkr.ecr.us-east-1.amazonaws.com/whatif-prod/gateway:abc1234\n` }),
    },
    { tool: 'aws', args: /^ecs list-service-deployments/, answers: once({ stdout: 'arn:deployment/7\n' }) },
    { tool: 'aws', args: /^ecs describe-service-deployments/, answers: once({ stdout: 'arn:revision/6\n' }) },
    {
      tool: 'aws',
      args: /^ecs describe-service-revisions/,
      answers: once({ stdout: 'arn:aws:ecs:us-east-1:210987654321:task-definition/gateway:11\n' }),
    },
    {
      tool: 'aws',
      args: /^ecs describe-task-definition .*gateway:11 /,
      answers: once({ stdout: `${account}.dkr.ecr.us-east-1.amazonaws.com/whatif-prod/gateway:0ld0000\n` }),
    },
  ];

  it('deploys only the services stack, at the tag the gateway ran before its last deployment', () => {
    const fakes = standIns([...common, ...ecs]);
    const run = fakes.run(path.join(scripts, 'rollback-ecs.sh'), { ENV: 'prod' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Rolling prod back from abc1234 to 0ld0000');
    expect(lines(run, 'npx')).toEqual([
      '--no-install cdk --no-notices --output cdk.out/prod deploy --exclusively --require-approval broadening WhatIf-prod-Services -c env=prod -c imageTag=0ld0000 -c strict=true',
    ]);
    expect(lines(run).filter((line) => /docker|helm|secretsmanager/.test(line))).toEqual([]);
  });

  it('refuses when there is nothing earlier to go back to', () => {
    const firstDeployment: Rule = {
      tool: 'aws',
      args: /^ecs describe-service-deployments/,
      answers: once({ stdout: 'None\n' }),
    };
    const fakes = standIns([firstDeployment, ...common, ...ecs]);
    const run = fakes.run(path.join(scripts, 'rollback-ecs.sh'), { ENV: 'prod' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('has no earlier revision to go back to');
    expect(lines(run, 'npx')).toEqual([]);
  });
});
