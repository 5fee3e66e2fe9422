import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { services } from '@what-if/catalog';
import { parse } from 'yaml';
import { chartDirectory, release, runHelm } from '../../test/support/kubernetes/helm';
import { parseManifests, podSpecOf } from '../../test/support/kubernetes/manifests';
import { pinChartImages } from '../src/release/pin-chart-images';
import { smokeCheck } from '../src/release/smoke-checks';

describe('make chart-release: the chart pinned to one release', () => {
  let copy: string;
  const registry = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
  const digestOf = (index: number) => `sha256:${String(index + 1).padStart(64, 'a')}`;
  const images = services.map((entry, index) => ({
    service: entry.name,
    repository: `whatif-prod/${entry.name}`,
    digest: digestOf(index),
  }));

  beforeEach(() => {
    copy = path.join(mkdtempSync(path.join(tmpdir(), 'chart-release-')), 'what-if');
    cpSync(chartDirectory, copy, { recursive: true });
  });
  afterEach(() => rmSync(path.dirname(copy), { recursive: true, force: true }));

  it('renders every container from the release registry by digest, and versions the chart by the tag', () => {
    expect(pinChartImages(copy, { registry, tag: 'abc1234', images })).toEqual({ version: '0.1.0+abc1234' });
    const chart = parse(readFileSync(path.join(copy, 'Chart.yaml'), 'utf8')) as {
      version: string;
      appVersion: string;
    };
    expect(chart).toMatchObject({ version: '0.1.0+abc1234', appVersion: 'abc1234' });

    const rendered = runHelm(['template', release.name, copy, '--namespace', release.namespace]);
    expect(rendered.stderr).toBe('');
    const containers = parseManifests(rendered.stdout).flatMap(
      (object) => (podSpecOf(object)?.containers ?? []) as Array<{ image: string }>,
    );
    const serviceImages = containers
      .map((container) => container.image)
      .filter((image) => image.startsWith(registry));
    expect(serviceImages.length).toBeGreaterThanOrEqual(services.length);
    for (const [index, entry] of services.entries()) {
      expect(serviceImages).toContain(`${registry}/whatif-prod/${entry.name}@${digestOf(index)}`);
    }
    for (const image of serviceImages) expect(image).toMatch(/@sha256:[0-9a-f]{64}$/);
    expect(runHelm(['lint', '--strict', copy]).status).toBe(0);
  });

  it('refuses a release that misses a service or names an image by anything but a digest', () => {
    const [first, ...rest] = images;
    expect(() => pinChartImages(copy, { registry, tag: 'abc1234', images: rest })).toThrow(
      `${first!.service}: 0 images given, expected one`,
    );
    expect(() =>
      pinChartImages(copy, { registry, tag: 'abc1234', images: [{ ...first!, digest: 'latest' }, ...rest] }),
    ).toThrow(`${first!.service}: 'latest' is not a sha256 digest`);
  });
});

describe('make smoke: a deployment checked as a user reaches it', () => {
  let server: Server;
  let base: string;
  let down: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (request.url === '/health') {
        const health = Object.fromEntries(
          services.map((entry) => [
            entry.name,
            { status: down.includes(entry.name) ? 'down' : 'up', latencyMs: 1 },
          ]),
        );
        json(down.length === 0 ? 200 : 503, {
          status: down.length === 0 ? 'ok' : 'unavailable',
          unavailable: down,
          services: health,
        });
      } else if (request.url === '/openapi.json') {
        json(200, { openapi: '3.1.0', info: { title: 'What If', version: '1' }, paths: {} });
      } else if (request.url === '/api/v1/scenarios/suggestions') {
        json(200, { items: [] });
      } else {
        json(404, { title: 'Not Found' });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const options = { healthAttempts: 2, healthIntervalMs: 10, requestTimeoutMs: 5000 };

  it('passes a deployment whose every service is ready', async () => {
    down = [];
    const results = await smokeCheck(base, options);
    expect(results.map((result) => [result.check, result.ok])).toEqual([
      ['unified health (/health)', true],
      ['public contract (/openapi.json)', true],
      ['public read (/api/v1/scenarios/suggestions)', true],
    ]);
  });

  it('fails one whose unified health has a service down, and names it', async () => {
    down = ['video'];
    const [health] = await smokeCheck(base, options);
    expect(health).toEqual({
      check: 'unified health (/health)',
      ok: false,
      detail: 'answered 503; not ready: video (down) (after 2 attempts)',
    });
  });

  it('fails when nothing answers', async () => {
    const results = await smokeCheck('http://127.0.0.1:9/', { ...options, healthAttempts: 1 });
    expect(results.every((result) => !result.ok)).toBe(true);
  });
});
