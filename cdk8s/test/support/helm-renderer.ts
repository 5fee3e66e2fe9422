import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { type KubernetesObject, parseManifests } from './manifests';

export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
export const chartDirectory = path.join(repositoryRoot, 'charts', 'what-if');
const rendererDirectory = path.join(repositoryRoot, 'tools', 'helm-render');
const rendererBinary = path.join(rendererDirectory, 'bin', 'helm-render');

/** The release and namespace of every rendering, as in the README's helm install. */
export const release = { name: 'what-if', namespace: 'what-if' };

function goCommand(): string {
  if (process.env.GO) return process.env.GO;
  const onPath = spawnSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' }).stdout.trim();
  return onPath || '/usr/lib/go-1.19/bin/go';
}

function newestSourceTime(): number {
  return Math.max(
    ...readdirSync(rendererDirectory)
      .filter((file) => file.endsWith('.go'))
      .map((file) => statSync(path.join(rendererDirectory, file)).mtimeMs),
  );
}

/**
 * The renderer binary, built when missing or older than its sources (make test builds it
 * first). Each builder writes its own file and renames it into place, so two Jest workers
 * building at once cannot leave a half-written binary.
 */
export function rendererPath(): string {
  if (existsSync(rendererBinary) && statSync(rendererBinary).mtimeMs >= newestSourceTime())
    return rendererBinary;
  const temporary = `${rendererBinary}.${process.pid}`;
  execFileSync(goCommand(), ['build', '-o', temporary, '.'], {
    cwd: rendererDirectory,
    env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  renameSync(temporary, rendererBinary);
  return rendererBinary;
}

export interface RenderResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the renderer with arguments as one would run helm. */
export function runRenderer(args: readonly string[]): RenderResult {
  const result = spawnSync(rendererPath(), args, { cwd: repositoryRoot, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** helm template of the chart with the given extra arguments (-f, --set ...), as text. */
export function templateText(extraArgs: readonly string[] = []): RenderResult {
  return runRenderer([
    'template',
    release.name,
    chartDirectory,
    '--namespace',
    release.namespace,
    ...extraArgs,
  ]);
}

/** The chart's objects for a values file of the chart (or the defaults). */
export function renderChart(valuesFile?: string, extraArgs: readonly string[] = []): KubernetesObject[] {
  const args = valuesFile ? ['-f', path.join(chartDirectory, valuesFile), ...extraArgs] : [...extraArgs];
  const result = templateText(args);
  if (result.status !== 0) throw new Error(`helm-render failed: ${result.stderr}`);
  return parseManifests(result.stdout);
}
