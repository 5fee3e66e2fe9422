import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ServiceName, services } from '@what-if/catalog';
import { parseDocument } from 'yaml';

/** One service's image as a release pushed it: `<registry>/<repository>@<digest>`. */
export interface ReleasedImage {
  service: ServiceName;
  repository: string;
  digest: string;
}

export interface ChartRelease {
  /** The registry every image is pulled from, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com. */
  registry: string;
  /** The images' tag (the git SHA): the chart's appVersion and its version's build metadata. */
  tag: string;
  images: readonly ReleasedImage[];
}

const digestPattern = /^sha256:[0-9a-f]{64}$/;
const tagPattern = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/;

function problemsOf(release: ChartRelease): string[] {
  const problems: string[] = [];
  if (!tagPattern.test(release.tag)) problems.push(`tag '${release.tag}' cannot be a semver build metadata`);
  for (const entry of services) {
    const images = release.images.filter((image) => image.service === entry.name);
    if (images.length !== 1) problems.push(`${entry.name}: ${images.length} images given, expected one`);
  }
  for (const image of release.images) {
    if (!services.some((entry) => entry.name === image.service))
      problems.push(`${image.service}: not in the catalog`);
    if (!digestPattern.test(image.digest))
      problems.push(`${image.service}: '${image.digest}' is not a sha256 digest`);
  }
  return problems;
}

/**
 * Rewrites a copy of the chart so that its defaults are one release: every service's image pinned
 * by digest in the release's registry, `appVersion` the images' tag and the chart's version that
 * of the source chart with the tag as build metadata (`0.1.0+abc1234`; an OCI tag `0.1.0_abc1234`).
 * Comments in values.yaml are kept, so the packaged chart documents itself as the source does.
 */
export function pinChartImages(chartDirectory: string, release: ChartRelease): { version: string } {
  const problems = problemsOf(release);
  if (problems.length > 0) throw new Error(`Cannot pin the chart's images:\n  ${problems.join('\n  ')}`);

  const valuesPath = path.join(chartDirectory, 'values.yaml');
  const values = parseDocument(readFileSync(valuesPath, 'utf8'));
  values.setIn(['global', 'image', 'registry'], release.registry);
  values.setIn(['global', 'image', 'tag'], release.tag);
  for (const image of release.images) {
    values.setIn(['services', image.service, 'image', 'repository'], image.repository);
    values.setIn(['services', image.service, 'image', 'digest'], image.digest);
  }
  writeFileSync(valuesPath, values.toString());

  const chartPath = path.join(chartDirectory, 'Chart.yaml');
  const chart = parseDocument(readFileSync(chartPath, 'utf8'));
  const sourceVersion = String(chart.get('version')).replace(/\+.*$/, '');
  const version = `${sourceVersion}+${release.tag}`;
  chart.set('version', version);
  chart.set('appVersion', release.tag);
  writeFileSync(chartPath, chart.toString());
  return { version };
}
