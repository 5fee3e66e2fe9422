import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { chartDirectory, release, repositoryRoot, runHelm } from '../../test/support/kubernetes/helm';
import { objectId, parseManifests } from '../../test/support/kubernetes/manifests';

/**
 * What Helm itself refuses before anything reaches a cluster: the Kubernetes versions the chart
 * supports, release names, values that break values.schema.json, and what `helm package` ships.
 */

function templateAs(releaseName: string, ...args: string[]) {
  return runHelm(['template', releaseName, chartDirectory, '--namespace', release.namespace, ...args]);
}

const scratchDirectories: string[] = [];

function scratchDirectory(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'what-if-helm-'));
  scratchDirectories.push(directory);
  return directory;
}

afterAll(() => {
  for (const directory of scratchDirectories) rmSync(directory, { recursive: true, force: true });
});

describe('the pinned Helm build (tools/helm)', () => {
  it('reports the release pinned in tools/helm/go.mod, as the official build does', () => {
    const goMod = readFileSync(path.join(repositoryRoot, 'tools', 'helm', 'go.mod'), 'utf8');
    const pinned = /^\s*helm\.sh\/helm\/v3 (v\S+)/m.exec(goMod)?.[1];
    expect(pinned).toMatch(/^v3\.\d+\.\d+$/);
    expect(runHelm(['version', '--short']).stdout.trim()).toBe(pinned);
    expect(runHelm(['version', '--template', '{{.GitTreeState}}']).stdout).toBe('clean');
  });
});

describe('helm, given the Kubernetes version of the cluster (kubeVersion in Chart.yaml: >=1.27.0-0),', () => {
  const kubeVersion = parse(readFileSync(path.join(chartDirectory, 'Chart.yaml'), 'utf8')).kubeVersion;

  it('refuses 1.26, naming the requirement', () => {
    const result = templateAs(release.name, '--kube-version', '1.26.15');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `chart requires kubeVersion: ${kubeVersion} which is incompatible with Kubernetes v1.26.15`,
    );
  });

  // EKS reports versions with a suffix, which SemVer reads as a prerelease: the -0 admits them.
  it.each(['1.27.0', 'v1.31.2-eks-7f9249a', '1.37.0'])('accepts %s', (version) => {
    const result = templateAs(release.name, '--kube-version', version);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('release names', () => {
  it('that Helm refuses are refused with its rule', () => {
    for (const name of ['What_If', 'w'.repeat(54)]) {
      const result = templateAs(name);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`release name "${name}": invalid release name`);
      expect(result.stderr).toContain('the length must not be longer than 53');
    }
  });

  it.each([
    ['as long as Helm allows', 'w'.repeat(53)],
    ['with a leading digit', '1st'],
    ['with a dot', 'what.if'],
  ])(
    'that Helm accepts but a Service name cannot carry (%s) fail with the name, not later in the cluster',
    (_, name) => {
      const result = templateAs(name);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`(release "${name}") is not a valid Kubernetes Service name`);
      expect(result.stderr).toContain(`object name "${name}-what-if-`);
      expect(result.stderr).toContain('choose another release name or set fullnameOverride');
    },
  );

  it.each([
    ['the longest that fits', 'w'.repeat(30), 'w'.repeat(30) + '-what-if'],
    ['one holding the chart name, which is not repeated', 'what-if-staging', 'what-if-staging'],
  ])('give every object a distinct DNS-1035 name: %s', (_, name, prefix) => {
    const result = templateAs(name);
    expect(result.stderr).toBe('');
    const objects = parseManifests(result.stdout);
    const names = objects.map((object) => object.metadata.name as string);
    expect(new Set(objects.map(objectId)).size).toBe(objects.length);
    for (const objectName of names) {
      expect(objectName).toMatch(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
      expect(objectName.startsWith(`${prefix}-`)).toBe(true);
    }
  });
});

describe('values.schema.json, enforced by helm without a cluster', () => {
  const typo = 'services:\n  gateway:\n    autoscaling:\n      maxReplica: 3\n';

  it('fails helm lint on a values file with a typo, naming the key', () => {
    const valuesFile = path.join(scratchDirectory(), 'values-typo.yaml');
    writeFileSync(valuesFile, typo);
    const result = runHelm(['lint', '--strict', chartDirectory, '-f', valuesFile]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "[ERROR] values.yaml: - at '/services/gateway/autoscaling': additional properties 'maxReplica' not allowed",
    );
  });

  it('fails helm template on the same file before rendering anything', () => {
    const valuesFile = path.join(scratchDirectory(), 'values-typo.yaml');
    writeFileSync(valuesFile, typo);
    const result = templateAs(release.name, '-f', valuesFile);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("values don't meet the specifications of the schema(s)");
  });
});

describe('helm package', () => {
  it('ships the templates, the helm test hook and the values files, not the examples or the unit tests', () => {
    const destination = scratchDirectory();
    const packaged = runHelm(['package', chartDirectory, '--destination', destination]);
    expect(packaged.stderr).toBe('');
    const archive = packaged.stdout.trim().replace(/^Successfully packaged chart and saved it to: /, '');
    const contents = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(contents).toEqual(
      expect.arrayContaining([
        'what-if/Chart.yaml',
        'what-if/values.yaml',
        'what-if/values.schema.json',
        'what-if/values-eks-prod.yaml',
        'what-if/templates/tests/health-test.yaml',
      ]),
    );
    expect(contents.filter((file) => /^what-if\/(examples|tests)\//.test(file))).toEqual([]);
  });
});
