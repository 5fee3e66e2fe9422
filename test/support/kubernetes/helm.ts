import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type KubernetesObject, parseManifests } from './manifests';

export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
export const chartDirectory = path.join(repositoryRoot, 'charts', 'what-if');
const helmTools = path.join(repositoryRoot, 'tools', 'helm');

/** The release and namespace of every rendering, as in the README's helm install. */
export const release = { name: 'what-if', namespace: 'what-if' };

/**
 * A binary of the pinned Helm build (tools/helm/bin/), which `make helm` builds and `make test`
 * builds before the tests. A test run on its own refuses a missing or outdated one rather than
 * spending minutes compiling Helm inside a test worker.
 */
function pinnedBinary(name: string, pins: readonly string[]): string {
  const binary = path.join(helmTools, 'bin', name);
  const newestPin = Math.max(...pins.map((pin) => statSync(path.join(helmTools, pin)).mtimeMs));
  if (!existsSync(binary) || statSync(binary).mtimeMs < newestPin) {
    throw new Error(`tools/helm/bin/${name} is missing or older than its pin: run \`make helm\` first`);
  }
  return binary;
}

export interface HelmResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(binary: string, args: readonly string[]): HelmResult {
  // Helm's own folders go to a scratch place, so a developer's repositories and plugins play no part.
  const scratch = path.join(helmTools, 'bin', 'home');
  const result = spawnSync(binary, args, {
    cwd: repositoryRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      HELM_CONFIG_HOME: path.join(scratch, 'config'),
      HELM_CACHE_HOME: path.join(scratch, 'cache'),
      HELM_DATA_HOME: path.join(scratch, 'data'),
      NO_COLOR: '1',
    },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the pinned Helm CLI with arguments as one would run helm. */
export function runHelm(args: readonly string[]): HelmResult {
  return run(pinnedBinary('helm', ['go.mod', 'go.sum']), args);
}

/** Runs the pinned helm-unittest, as `helm unittest` runs the plugin. */
export function runHelmUnittest(args: readonly string[]): HelmResult {
  return run(pinnedBinary('helm-unittest', ['unittest/go.mod', 'unittest/go.sum']), args);
}

/** helm template of the chart with the given extra arguments (-f, --set ...), as text. */
export function templateText(extraArgs: readonly string[] = []): HelmResult {
  return runHelm(['template', release.name, chartDirectory, '--namespace', release.namespace, ...extraArgs]);
}

/** The chart's objects for a values file of the chart (or the defaults). */
export function renderChart(valuesFile?: string, extraArgs: readonly string[] = []): KubernetesObject[] {
  const args = valuesFile ? ['-f', path.join(chartDirectory, valuesFile), ...extraArgs] : [...extraArgs];
  const result = templateText(args);
  if (result.status !== 0) throw new Error(`helm template failed: ${result.stderr}`);
  return parseManifests(result.stdout);
}
