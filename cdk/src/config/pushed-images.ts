import { readFileSync } from 'node:fs';
import { services, type ServiceName } from '@what-if/catalog';

/**
 * One pushed image, as make images records it in .release/<env>/images.tsv: the one file every
 * deployment path reads (make deploy-ecs, make chart-release, make deploy-eks).
 */
export interface PushedImage {
  readonly service: ServiceName;
  readonly repository: string;
  readonly tag: string;
  /** sha256:... */
  readonly digest: string;
}

/** Parses images.tsv: service, repository, tag, digest per line. */
export function pushedImages(tsv: string): PushedImage[] {
  return tsv
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [service, repository, tag, digest] = line.split('\t');
      if (
        !services.some((entry) => entry.name === service) ||
        !repository ||
        !tag ||
        !/^sha256:[0-9a-f]{64}$/.test(digest ?? '')
      ) {
        throw new Error(`images.tsv: "${line}" is not <service> <repository> <tag> <sha256 digest>`);
      }
      return { service: service as ServiceName, repository, tag, digest: digest! };
    });
}

/**
 * The digest of every service's image at one tag, from images.tsv (-c imageDigests=<file>): the
 * ECS task definitions then name exactly the bytes make images pushed and recorded.
 */
export function imageDigestsFrom(file: string, imageTag: string): Record<ServiceName, string> {
  const images = pushedImages(readFileSync(file, 'utf8'));
  const digests: Partial<Record<ServiceName, string>> = {};
  for (const image of images) {
    if (image.tag !== imageTag) {
      throw new Error(
        `${file} records ${image.service} at ${image.tag}, not ${imageTag}: run make images again`,
      );
    }
    digests[image.service] = image.digest;
  }
  const missing = services.filter((entry) => !digests[entry.name]).map((entry) => entry.name);
  if (missing.length > 0)
    throw new Error(`${file} records no image of ${missing.join(', ')}: run make images again`);
  return digests as Record<ServiceName, string>;
}
