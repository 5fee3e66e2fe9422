import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceName } from '@what-if/catalog';
import type { Profile } from './profile';

/** The chart's Chart.yaml: its appVersion is the release of the services and every image's default tag. */
const chartFile = path.resolve(__dirname, '..', '..', 'charts', 'what-if', 'Chart.yaml');

/** Chart.yaml's top-level appVersion line, quoted or not. */
const appVersionLine = /^appVersion:\s*(['"]?)([^'"\s#]+)\1\s*(#.*)?$/m;

let cachedAppVersion: string | undefined;

export function appVersion(): string {
  if (cachedAppVersion === undefined) {
    const match = appVersionLine.exec(readFileSync(chartFile, 'utf8'));
    if (!match) throw new Error(`${chartFile} has no appVersion`);
    cachedAppVersion = match[2]!;
  }
  return cachedAppVersion;
}

/** The tag every image runs: the profile's (or IMAGE_TAG), else the appVersion. Never latest. */
export function imageTag(profile: Profile): string {
  const tag = profile.image.tag || appVersion();
  if (tag === 'latest') {
    throw new Error('The image tag latest is not allowed: pin the version you tested (IMAGE_TAG)');
  }
  return tag;
}

/**
 * <registry>/<repository>:<tag>, or @<digest> when the profile pins one (what a pipeline
 * pushed); the repository defaults to what-if/<service>.
 */
export function serviceImage(profile: Profile, service: ServiceName): string {
  const { repository = `what-if/${service}`, digest } = profile.images[service] ?? {};
  const tag = imageTag(profile);
  return digest
    ? `${profile.image.registry}/${repository}@${digest}`
    : `${profile.image.registry}/${repository}:${tag}`;
}
