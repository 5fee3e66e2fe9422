import { type ChildProcess, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { services } from '@what-if/catalog';
import { createMetrics } from '@what-if/kit';
import { prometheusRulesPath } from '../src/generate/prometheus-rules';
import { devStackTargets, renderPrometheusConfig } from '../src/observe/prometheus-config';
import { startPrometheus } from '../src/observe/prometheus-process';

const repositoryRoot = path.resolve(__dirname, '..', '..');
const rulesFile = path.join(repositoryRoot, prometheusRulesPath);

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

describe('make observe', () => {
  test('scrapes every deployable of make dev on its catalog port, each as the job the rules expect', () => {
    const targets = devStackTargets();
    const expected = services.flatMap((entry) => [
      `${entry.name} 127.0.0.1:${entry.port}`,
      ...(entry.workers ?? []).map((worker) => `${worker.name} 127.0.0.1:${worker.port}`),
    ]);
    expect(targets.map((target) => `${target.job} ${target.address}`)).toEqual(expected);
  });

  test('its configuration, with the production rules, passes promtool check config', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'observe-config-'));
    try {
      const configFile = path.join(folder, 'prometheus.yml');
      writeFileSync(
        configFile,
        renderPrometheusConfig({ targets: devStackTargets(), rulesFile, interval: '15s' }),
      );
      const checked = spawnSync('promtool', ['check', 'config', configFile], { encoding: 'utf8' });
      expect(`${checked.stdout}${checked.stderr}`).toContain('SUCCESS');
      expect(checked.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  describe('Prometheus from Debian, run as make observe runs it', () => {
    let service: Server;
    let prometheus: ChildProcess;
    let api: string;
    let folder: string;

    beforeAll(async () => {
      // A service's registry, as the kit builds it, standing in for history.
      const metrics = createMetrics('history');
      metrics.recordReadiness(true);
      service = createServer((_req, res) => {
        void metrics.registry.metrics().then((text) => {
          res.setHeader('content-type', metrics.registry.contentType);
          res.end(text);
        });
      });
      service.listen(0, '127.0.0.1');
      await once(service, 'listening');
      const servicePort = (service.address() as AddressInfo).port;
      folder = mkdtempSync(path.join(tmpdir(), 'observe-run-'));
      const port = await freePort();
      api = `http://127.0.0.1:${port}/api/v1`;
      prometheus = startPrometheus({
        workDirectory: folder,
        listen: `127.0.0.1:${port}`,
        config: {
          targets: [{ job: 'history', address: `127.0.0.1:${servicePort}` }],
          rulesFile,
          interval: '1s',
        },
        output: 'ignore',
        retention: '1h',
      });
    });

    afterAll(async () => {
      if (prometheus && prometheus.exitCode === null) {
        prometheus.kill('SIGTERM');
        await once(prometheus, 'exit');
      }
      service?.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    async function query(expression: string) {
      const response = await fetch(`${api}/query?query=${encodeURIComponent(expression)}`);
      const body = (await response.json()) as {
        data: { result: { metric: Record<string, string>; value: [number, string] }[] };
      };
      return body.data.result;
    }

    test('scrapes the service under its job, with the labels the rules read', async () => {
      const ready = await eventually(async () => {
        const result = await query('readiness_ready');
        expect(result).toHaveLength(1);
        return result[0]!;
      });
      expect(ready.metric).toMatchObject({ job: 'history', service: 'history' });
      expect(ready.value[1]).toBe('1');
      const up = await query('up{job="history"}');
      expect(up[0]?.value[1]).toBe('1');
    });

    test('loads every rule group of the rules file', async () => {
      const groups = await eventually(async () => {
        const response = await fetch(`${api}/rules`);
        const body = (await response.json()) as { data: { groups: { name: string; rules: unknown[] }[] } };
        expect(body.data.groups.length).toBeGreaterThan(0);
        return body.data.groups;
      });
      expect(groups.map((group) => group.name)).toEqual(
        expect.arrayContaining([
          'what-if-slo-ratios',
          'what-if-slo-alerts',
          'what-if-saturation',
          'what-if-replicas',
        ]),
      );
    });
  });
});
