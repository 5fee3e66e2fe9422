#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import type { ServiceName } from '@what-if/catalog';
import { pinChartImages } from './pin-chart-images';

/**
 * make chart-release: pins a copy of the chart to one release's images.
 * Usage: node tools/dist/release/chart-release.js <chart copy> <registry> <tag> < images
 * where each line of images is `<service>\t<repository>\t<digest>`. Prints the chart's version.
 */
const [chartDirectory, registry, tag] = process.argv.slice(2);
if (!chartDirectory || !registry || !tag) {
  process.stderr.write(
    'usage: chart-release.js <chart copy> <registry> <tag> < "<service> <repository> <digest>" lines\n',
  );
  process.exit(2);
}
const images = readFileSync(0, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [service, repository, digest] = line.split('\t');
    return { service: service as ServiceName, repository: repository ?? '', digest: digest ?? '' };
  });
try {
  process.stdout.write(`${pinChartImages(chartDirectory, { registry, tag, images }).version}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
