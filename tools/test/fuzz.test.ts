import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ServiceName, services } from '@what-if/catalog';
import { loadOpenApiDocument } from '@what-if/kit';
import { defaultRepoRoot } from '../src/dev/config';
import { childEnvironment } from '../src/dev/service-processes';
import { schemathesisArguments } from '../src/fuzz/schemathesis';
import {
  freePorts,
  limitsThatNeverRefuse,
  privateServiceEnvironment,
  privateStackConfig,
  privateStackPortCount,
} from '../src/harness/private-stack';
import { type OpenApiDocument, fuzzTargets, gatewayView, selfEndingOperations } from '../src/fuzz/targets';

function contract(name: ServiceName): OpenApiDocument {
  return loadOpenApiDocument(path.join(defaultRepoRoot, 'services', name, 'openapi.yaml')) as OpenApiDocument;
}

function operations(document: OpenApiDocument): string[] {
  return Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
    Object.keys(item)
      .filter((key) => key !== 'parameters')
      .map((method) => `${method.toUpperCase()} ${route}`),
  );
}

describe("the gateway's view of a contract", () => {
  test('holds exactly the operations the gateway routes to that service', () => {
    const history = operations(gatewayView(contract('history'), 'history'));
    expect(history).toContain('GET /api/v1/scenarios');
    expect(history).toContain('PATCH /api/v1/scenarios/{id}');
    // POST /api/v1/scenarios is generation's; /internal/ and the kit's endpoints are never routed.
    expect(history).not.toContain('POST /api/v1/scenarios');
    expect(history.filter((operation) => /internal|health|metrics|openapi/.test(operation))).toEqual([]);
    expect(operations(gatewayView(contract('generation'), 'generation')).sort()).toEqual([
      'GET /api/v1/scenarios/suggestions',
      'POST /api/v1/scenarios',
    ]);
  });

  test('keeps path-level parameters with the operations that need them', () => {
    const view = gatewayView(contract('history'), 'history');
    expect(view.paths?.['/api/v1/scenarios/{id}']?.['parameters']).toBeDefined();
  });
});

describe('the runs of make fuzz', () => {
  const urls = Object.fromEntries(
    services.map((entry) => [entry.name, `http://svc-${entry.name}`]),
  ) as Record<ServiceName, string>;
  const targets = fuzzTargets(urls, (name) => (name === 'sharing' ? undefined : `/tmp/${name}.json`));

  test('every service is fuzzed directly, and each one with public operations through the gateway', () => {
    const direct = targets.filter((target) => !target.name.includes('via gateway'));
    expect(direct.every((target) => target.baseUrl === urls[target.service])).toBe(true);
    expect(new Set(direct.map((target) => target.service))).toEqual(
      new Set(services.map((entry) => entry.name)),
    );
    const viaGateway = targets.filter((target) => target.name.includes('via gateway'));
    expect(viaGateway.every((target) => target.baseUrl === urls.gateway)).toBe(true);
    expect(viaGateway.map((target) => target.service)).not.toContain('sharing');
  });

  test("the user service's admin routes, and each operation that ends the caller's session, run on their own", () => {
    const user = targets.filter((target) => target.service === 'user' && target.baseUrl === urls.user);
    const [rest, admin, ...selfEnding] = user;
    expect(rest!.filters.join(' ')).toContain('--exclude-path-regex ^/api/v1/admin/');
    for (const operation of selfEndingOperations) expect(rest!.filters).toContain(operation);
    expect(rest!.admin).toBe(false);
    expect(admin).toMatchObject({ filters: ['--include-path-regex', '^/api/v1/admin/'], admin: true });
    expect(selfEnding.map((target) => target.filters)).toEqual(
      selfEndingOperations.map((operation) => ['--include-name', operation]),
    );
    // Every one of them is an operation of the contract, so no run fuzzes nothing.
    const names = operations(contract('user'));
    for (const operation of selfEndingOperations) expect(names).toContain(operation);
  });

  test('each run is bounded by its example count and seeded, and writes its reports apart', () => {
    const args = schemathesisArguments(targets[0]!, {
      executable: 'schemathesis',
      configFile: 'tools/fuzz/schemathesis.toml',
      reportDirectory: '/tmp/reports',
      maxExamples: 7,
      runTimeoutSeconds: 60,
      seed: 42,
      workers: 2,
    });
    expect(args.join(' ')).toContain('--max-examples 7');
    expect(args.join(' ')).toContain('--seed 42');
    expect(args.join(' ')).toContain(`--report-dir /tmp/reports/${targets[0]!.name}`);
  });
});

describe('the stack under fuzz', () => {
  test('binds free ports of its own and keeps to its own database and Redis prefix', async () => {
    const ports = await freePorts(privateStackPortCount(false));
    expect(new Set(ports).size).toBe(ports.length);
    const config = privateStackConfig(
      { DATABASE_URL: 'postgres://u:p@db.example:5432/whatif' },
      ports,
      'run1',
    );
    expect(config.services.map((entry) => entry.port)).toEqual(ports.slice(0, services.length));
    expect(config.services.map((entry) => entry.port)).not.toContain(3000);
    expect(config.dynamodb.port).toBe(ports[services.length]);
    expect(config.dynamodb.path).toBeUndefined();
    // The video worker too: never make dev's fixed 3008.
    const workerPorts = config.services.flatMap((entry) => entry.workers ?? []).map((worker) => worker.port);
    expect(workerPorts).toEqual(ports.slice(services.length + 1));
    expect(workerPorts.length).toBeGreaterThan(0);
    expect(config.databaseUrl).toBe('postgres://u:p@db.example:5432/whatif_fuzz_run1');
    expect(config.redisKeyPrefix).toBe('fuzz:run1:');
  });

  test("each service is told where the others are, and the limits are lifted through the catalog's variables", async () => {
    const config = privateStackConfig({}, await freePorts(privateStackPortCount(false)), 'run2');
    const generation = config.services.find((entry) => entry.name === 'generation')!;
    const env = childEnvironment(config, generation, privateServiceEnvironment(config, {}));
    const history = config.services.find((entry) => entry.name === 'history')!;
    expect(env['PORT']).toBe(String(generation.port));
    expect(env['HISTORY_SERVICE_URL']).toBe(`http://127.0.0.1:${history.port}`);
    expect(env['REDIS_KEY_PREFIX']).toBe('fuzz:run2:generation:');
    expect(env).toMatchObject(limitsThatNeverRefuse);
    // Every lifted limit is a variable the catalog documents, not a knob made up for the fuzzer.
    const catalogVariables = readFileSync(
      path.join(defaultRepoRoot, 'services', 'catalog', 'src', 'services.ts'),
      'utf8',
    );
    for (const name of Object.keys(limitsThatNeverRefuse)) expect(catalogVariables).toContain(`'${name}'`);
  });
});

describe('what make fuzz found, held for every contract', () => {
  test.each(services.map((entry) => entry.name))(
    '%s documents 413 and 415 wherever it takes a request body',
    (name) => {
      const missing: string[] = [];
      for (const [route, item] of Object.entries(contract(name).paths ?? {})) {
        for (const [method, operation] of Object.entries(item)) {
          const { requestBody, responses = {} } = operation as {
            requestBody?: unknown;
            responses?: Record<string, unknown>;
          };
          if (!requestBody || 'default' in responses) continue;
          for (const status of ['413', '415'])
            if (!(status in responses)) missing.push(`${method.toUpperCase()} ${route} ${status}`);
        }
      }
      expect(missing).toEqual([]);
    },
  );
});
