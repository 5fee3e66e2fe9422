import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const repositoryRoot = path.resolve(__dirname, '..', '..');
const workflowsDirectory = path.join(repositoryRoot, '.github', 'workflows');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: string;
}

interface Job {
  needs?: string | string[];
  uses?: string;
  environment?: string | { name: string; url?: string };
  permissions?: Record<string, string>;
  steps?: Step[];
  strategy?: unknown;
}

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflowFiles = readdirSync(workflowsDirectory).filter((file) => /\.ya?ml$/.test(file));
const texts = new Map(
  workflowFiles.map((file) => [file, readFileSync(path.join(workflowsDirectory, file), 'utf8')]),
);
const workflow = (file: string) => parse(texts.get(file) ?? '') as Workflow;
const release = workflow('release.yml');
const checks = workflow('checks.yml');

const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : [job.needs].flat());

/** Every job that must succeed before `name` starts, directly or through others. */
function upstreamOf(jobs: Record<string, Job>, name: string): Set<string> {
  const seen = new Set<string>();
  const visit = (current: string) => {
    for (const need of needsOf(jobs[current] ?? {})) {
      if (!seen.has(need)) {
        seen.add(need);
        visit(need);
      }
    }
  };
  visit(name);
  return seen;
}

const environmentOf = (job: Job) =>
  typeof job.environment === 'string' ? job.environment : job.environment?.name;
const runs = (job: Job) => (job.steps ?? []).flatMap((step) => (step.run ? [step.run] : []));
const actionsUsed = (job: Job) => (job.steps ?? []).flatMap((step) => (step.uses ? [step] : []));
const assumesAws = (job: Job) =>
  actionsUsed(job).filter((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));

describe('the workflows pass actionlint (the pinned build, tools/actionlint)', () => {
  it('finds no problem in any workflow', () => {
    const binary = path.join(repositoryRoot, 'tools', 'actionlint', 'bin', 'actionlint');
    const pins = ['go.mod', 'go.sum', 'build.sh'].map((pin) =>
      path.join(repositoryRoot, 'tools', 'actionlint', pin),
    );
    if (
      !existsSync(binary) ||
      statSync(binary).mtimeMs < Math.max(...pins.map((pin) => statSync(pin).mtimeMs))
    ) {
      throw new Error(
        'tools/actionlint/bin/actionlint is missing or older than its pin: run `make actionlint` first',
      );
    }
    const result = spawnSync(
      binary,
      ['-no-color', ...workflowFiles.map((file) => path.join(workflowsDirectory, file))],
      {
        cwd: repositoryRoot,
        encoding: 'utf8',
      },
    );
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('pull requests', () => {
  it('run exactly what .ci/run runs, and the release reuses the same checks', () => {
    expect(Object.keys(checks.on).sort()).toEqual(['pull_request', 'workflow_call']);
    const [job, ...others] = Object.values(checks.jobs);
    expect(others).toHaveLength(0);
    expect(runs(job!)).toEqual(['.ci/run']);
    expect(release.jobs.checks?.uses).toBe('./.github/workflows/checks.yml');
  });

  it('cache npm, the Go modules and builds of every pinned Go tool, and the fuzzer wheels', () => {
    const steps = actionsUsed(Object.values(checks.jobs)[0]!);
    const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
    const go = steps.find((step) => step.uses?.startsWith('actions/setup-go@'));
    const goSums = String(go?.with?.['cache-dependency-path']).trim().split('\n');
    expect(goSums.sort()).toEqual([
      'tools/actionlint/go.sum',
      'tools/helm/go.sum',
      'tools/helm/unittest/go.sum',
    ]);
    const python = steps.find((step) => step.uses?.startsWith('actions/setup-python@'));
    expect(python?.with).toMatchObject({
      cache: 'pip',
      'cache-dependency-path': 'tools/fuzz/requirements.txt',
    });
    const npmLocks = String(node?.with?.['cache-dependency-path']).trim().split('\n');
    expect(npmLocks.sort()).toEqual(['frontend/package-lock.json', 'package-lock.json']);
  });
});

describe('the release job graph', () => {
  const jobs = release.jobs;

  it('runs on pushes to main only, one release at a time, never cancelling a deploy', () => {
    expect(release.on).toEqual({ push: { branches: ['main'] } });
    expect(release).toMatchObject({ concurrency: { group: 'release', 'cancel-in-progress': false } });
  });

  it('builds each image once, before and apart from any deploy', () => {
    expect(needsOf(jobs.images!)).toEqual(['plan']);
    const builders = Object.entries(jobs).filter(([, job]) =>
      actionsUsed(job).some((step) => step.uses?.startsWith('docker/build-push-action@')),
    );
    expect(builders.map(([name]) => name)).toEqual(['images']);
    const build = actionsUsed(jobs.images!).find((step) =>
      step.uses?.startsWith('docker/build-push-action@'),
    );
    expect(build?.with).toMatchObject({ sbom: true, provenance: 'mode=max' });
    expect(String(build?.with?.outputs)).toMatch(/^type=oci,dest=/);
    expect(assumesAws(jobs.images!)).toHaveLength(0);
    for (const [name, job] of Object.entries(jobs)) {
      for (const command of runs(job)) expect(`${name}: ${command}`).not.toMatch(/docker (buildx )?build/);
    }
  });

  it('builds the images as make images does locally: one pipeline, so ECS and EKS deploy the same digests', () => {
    const build = actionsUsed(jobs.images!).find((step) =>
      step.uses?.startsWith('docker/build-push-action@'),
    );
    const makefile = readFileSync(path.join(repositoryRoot, 'make', 'cdk.mk'), 'utf8');
    const localPlatforms = /^IMAGE_PLATFORMS \?= (.+)$/m.exec(makefile)?.[1];
    expect(build?.with?.platforms).toBe(localPlatforms);
    const imagesScript = readFileSync(path.join(repositoryRoot, 'cdk', 'scripts', 'images.sh'), 'utf8');
    expect(imagesScript).toContain('--sbom=true --provenance=mode=max');
    expect(imagesScript).toMatch(/--output "type=oci,dest=\$archive"/);
    // Each deploy job hands those archives to make deploy-ecs, whose make images pushes them as they
    // are and records their digests in .release/<env>/images.tsv, which make chart-release then reads.
    for (const name of ['deploy-staging', 'deploy-production']) {
      const download = actionsUsed(jobs[name]!).find(
        (step) => step.uses?.startsWith('actions/download-artifact@') && step.with?.pattern === 'image-*',
      );
      expect(download?.with?.path).toBe('${{ runner.temp }}/images');
      const deploy = jobs[name]!.steps?.find((step) => step.run?.startsWith('make deploy-ecs'));
      expect(deploy?.run).toContain('IMAGE_ARCHIVES="$RUNNER_TEMP/images"');
    }
    const deployEcs = readFileSync(path.join(repositoryRoot, 'cdk', 'scripts', 'deploy-ecs.sh'), 'utf8');
    expect(deployEcs).toMatch(/^cdk\/scripts\/images\.sh$/m);
    expect(deployEcs).toContain('-c imageDigests=');
  });

  it('deploys staging only after the checks and the images, through make deploy-ecs', () => {
    const staging = jobs['deploy-staging']!;
    expect([...upstreamOf(jobs, 'deploy-staging')].sort()).toEqual(['checks', 'images', 'plan', 'web']);
    expect(environmentOf(staging)).toBe('staging');
    const deploy = staging.steps?.find((step) => step.run?.startsWith('make deploy-ecs'));
    expect(deploy?.env?.ENV).toBe('staging');
    expect(deploy?.run).toContain('IMAGE_ARCHIVES=');
  });

  it('builds the web export once, apart from any deploy, and both deploys publish those very files', () => {
    const builders = Object.entries(jobs).filter(([, job]) =>
      runs(job).some((command) => command.includes('web-build')),
    );
    expect(builders.map(([name]) => name)).toEqual(['web']);
    expect(needsOf(jobs.web!)).toEqual([]);
    expect(assumesAws(jobs.web!)).toHaveLength(0);
    const upload = actionsUsed(jobs.web!).find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ name: 'web-export', path: 'frontend/out/' });
    for (const name of ['deploy-staging', 'deploy-production']) {
      const download = actionsUsed(jobs[name]!).find(
        (step) => step.uses?.startsWith('actions/download-artifact@') && step.with?.name === 'web-export',
      );
      expect(download?.with?.path).toBe('${{ runner.temp }}/web');
      const deploy = jobs[name]!.steps?.find((step) => step.run?.startsWith('make deploy-ecs'));
      // With WEB_EXPORT, make deploy-ecs publishes that folder and builds no export of its own.
      expect(deploy?.run).toContain('WEB_EXPORT="$RUNNER_TEMP/web"');
    }
  });

  it('smoke-tests staging (unified health, then the k6 smoke) before anything reaches production', () => {
    expect(needsOf(jobs['smoke-staging']!)).toEqual(['deploy-staging']);
    expect(runs(jobs['smoke-staging']!)).toEqual(['make smoke', 'make loadtest-smoke BASE_URL="$URL"']);
    const k6Smoke = jobs['smoke-staging']!.steps?.find((step) => step.run?.startsWith('make loadtest-smoke'));
    expect(k6Smoke?.env?.URL).toBe('${{ needs.deploy-staging.outputs.site-url }}');
    // The k6 smoke registers (and deletes) accounts: production gets the read-only checks only.
    expect(runs(jobs['smoke-production']!)).toEqual(['make smoke']);
  });

  it('deploys production only with the approval of its environment and after staging passed its smoke', () => {
    const production = jobs['deploy-production']!;
    expect(environmentOf(production)).toBe('production');
    expect(needsOf(production)).toEqual(['smoke-staging']);
    expect([...upstreamOf(jobs, 'deploy-production')].sort()).toEqual([
      'checks',
      'deploy-staging',
      'images',
      'plan',
      'smoke-staging',
      'web',
    ]);
    const deploy = production.steps?.find((step) => step.run?.startsWith('make deploy-ecs'));
    expect(deploy?.env?.ENV).toBe('prod');
    const withProductionAccess = Object.entries(jobs).filter(([, job]) =>
      assumesAws(job).some((step) => String(step.with?.['role-to-assume']).includes('whatif-prod-')),
    );
    expect(withProductionAccess.map(([name]) => name)).toEqual(['deploy-production']);
    expect(needsOf(jobs['smoke-production']!)).toEqual(['deploy-production']);
  });

  it('pushes the chart with the digests from each deploy job, after make deploy-ecs', () => {
    for (const name of ['deploy-staging', 'deploy-production']) {
      const commands = runs(jobs[name]!);
      const deploy = commands.findIndex((command) => command.startsWith('make deploy-ecs'));
      expect(deploy).toBeGreaterThanOrEqual(0);
      expect(commands.indexOf('make chart-release')).toBeGreaterThan(deploy);
    }
  });
});

describe('credentials', () => {
  it('no workflow reads a stored secret or passes AWS keys', () => {
    for (const [file, text] of texts) {
      expect(`${file}: ${text.match(/\bsecrets\.\w+/)?.[0] ?? 'none'}`).toBe(`${file}: none`);
      expect(
        `${file}: ${text.match(/AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)|aws-(access-key-id|secret-access-key)/)?.[0] ?? 'none'}`,
      ).toBe(`${file}: none`);
    }
  });

  it('reaches AWS only through GitHub OIDC and the environment deploy role, in that environment only', () => {
    expect(release.permissions).toEqual({});
    for (const [name, job] of Object.entries(release.jobs)) {
      const aws = assumesAws(job);
      if (aws.length === 0) {
        expect(`${name}: ${job.permissions?.['id-token'] ?? 'no id-token'}`).toBe(`${name}: no id-token`);
        continue;
      }
      expect(job.permissions?.['id-token']).toBe('write');
      const environment = environmentOf(job);
      const short = environment === 'production' ? 'prod' : environment;
      for (const step of aws) {
        expect(step.with?.['role-to-assume']).toBe(
          `arn:aws:iam::\${{ vars.AWS_ACCOUNT_ID }}:role/whatif-${short}-github-deploy`,
        );
      }
    }
  });

  it('pins every action to a release, never a branch', () => {
    for (const file of workflowFiles) {
      for (const job of Object.values(workflow(file).jobs)) {
        for (const step of actionsUsed(job))
          expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
      }
    }
  });
});

describe('dependency updates (.github/dependabot.yml)', () => {
  interface Update {
    'package-ecosystem': string;
    directory?: string;
    directories?: string[];
    groups?: Record<string, unknown>;
    allow?: unknown[];
  }
  const { updates } = parse(readFileSync(path.join(repositoryRoot, '.github', 'dependabot.yml'), 'utf8')) as {
    updates: Update[];
  };
  const directoriesOf = (ecosystem: string) =>
    updates
      .filter((update) => update['package-ecosystem'] === ecosystem)
      .flatMap((update) => update.directories ?? [update.directory]);

  it('follow npm, every pinned Go tool, the actions, the base image and the fuzzer', () => {
    expect(directoriesOf('npm')).toEqual(['/']);
    const goModules = ['tools/helm', 'tools/helm/unittest', 'tools/actionlint'];
    for (const module of goModules)
      expect(existsSync(path.join(repositoryRoot, module, 'go.mod'))).toBe(true);
    expect(directoriesOf('gomod').sort()).toEqual(goModules.map((module) => `/${module}`).sort());
    expect(directoriesOf('github-actions')).toEqual(['/']);
    expect(directoriesOf('docker')).toEqual(['/']);
    expect(directoriesOf('pip')).toEqual(['/tools/fuzz']);
  });

  it('group what they propose, or follow only the pinned tool', () => {
    for (const update of updates) {
      expect(Boolean(update.groups) || Boolean(update.allow)).toBe(true);
    }
  });

  it('can read the base image: the Dockerfile names it in literal FROM lines', () => {
    const dockerfile = readFileSync(path.join(repositoryRoot, 'Dockerfile'), 'utf8');
    const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1]!);
    const external = bases.filter((base) => base.includes(':'));
    expect(external.length).toBeGreaterThanOrEqual(2);
    for (const base of external) expect(base).not.toContain('$');
    expect(new Set(external).size).toBe(1);
  });
});
