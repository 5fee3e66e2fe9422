import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  envDefaults,
  envFor,
  frontend,
  nodeEnv,
  resolveRoute,
  routeTable,
  scalingLoad,
  service,
  serviceNames,
  services,
  storePorts,
  type HttpMethod,
} from '@what-if/catalog';

const repoRoot = path.join(__dirname, '..', '..', '..');

test('the ports are the fixed ones DESIGN.md lists', () => {
  const ports = Object.fromEntries(services.map((entry) => [entry.name, entry.port]));
  expect(ports).toEqual({
    gateway: 3000,
    user: 3001,
    generation: 3002,
    history: 3003,
    sharing: 3004,
    video: 3005,
    social: 3006,
  });
  expect(frontend.port).toBe(3007);
  expect(storePorts).toEqual({ postgres: 5432, redis: 6379, dynamodb: 8000 });
});

test('ports and names are unique and every service is catalogued once', () => {
  const ports = [...services.map((entry) => entry.port), frontend.port];
  expect(new Set(ports).size).toBe(ports.length);
  expect(services.map((entry) => entry.name).sort()).toEqual([...serviceNames].sort());
});

test('only the gateway is public, and it alone has no public routes of its own to forward', () => {
  expect(services.filter((entry) => entry.public).map((entry) => entry.name)).toEqual(['gateway']);
  expect(services.find((entry) => entry.name === 'gateway')?.routes).toEqual([]);
});

test('each service calls only services that exist, never itself; the gateway can reach every service', () => {
  for (const entry of services) {
    for (const callee of entry.calls) {
      expect(serviceNames).toContain(callee);
      expect(callee).not.toBe(entry.name);
    }
  }
  expect([...(services.find((entry) => entry.name === 'gateway')?.calls ?? [])].sort()).toEqual(
    serviceNames.filter((name) => name !== 'gateway').sort(),
  );
});

test('every public route is under /api/v1 or the share-link path /s', () => {
  for (const rule of routeTable()) expect(rule.path).toMatch(/^(\/api\/v1\/[a-z]|\/s$)/);
});

test('no two services claim the same path and method', () => {
  const methods: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  for (const rule of routeTable()) {
    for (const method of rule.methods ?? methods) {
      const owners = routeTable().filter(
        (other) =>
          other.path === rule.path &&
          Boolean(other.exact) === Boolean(rule.exact) &&
          (other.methods ?? methods).includes(method),
      );
      expect(owners.map((owner) => owner.service)).toEqual([rule.service]);
    }
  }
});

test('the most specific rule wins where services share a path', () => {
  const table = routeTable();
  expect(resolveRoute(table, 'POST', '/api/v1/scenarios')?.service).toBe('generation');
  expect(resolveRoute(table, 'GET', '/api/v1/scenarios')?.service).toBe('history');
  expect(resolveRoute(table, 'GET', '/api/v1/scenarios/suggestions')?.service).toBe('generation');
  expect(resolveRoute(table, 'POST', '/api/v1/scenarios/bulk')?.service).toBe('history');
  expect(resolveRoute(table, 'GET', '/api/v1/scenariosX')).toBeUndefined();
  expect(resolveRoute(table, 'GET', '/api/v1/unknown')).toBeUndefined();
});

test('HEAD goes where GET goes, with its auth level', () => {
  const table = routeTable();
  for (const path of ['/api/v1/scenarios/suggestions', '/api/v1/scenarios', '/api/v1/feed']) {
    const get = resolveRoute(table, 'GET', path);
    expect(get).toBeDefined();
    expect(resolveRoute(table, 'HEAD', path)).toEqual(get);
  }
  expect(resolveRoute(table, 'HEAD', '/api/v1/scenarios/suggestions')).toMatchObject({
    service: 'generation',
    auth: 'public',
  });
});

test('a service declares DynamoDB tables exactly when it uses DynamoDB', () => {
  for (const entry of services) expect(entry.dynamoTables.length > 0).toBe(entry.stores.includes('dynamodb'));
});

test('resources, scaling and drain times are coherent', () => {
  for (const entry of services) {
    expect(entry.resources.cpu.limitMillicores).toBeGreaterThanOrEqual(entry.resources.cpu.requestMillicores);
    expect(entry.resources.memory.limitMiB).toBeGreaterThanOrEqual(entry.resources.memory.requestMiB);
    expect(entry.scaling.minReplicas).toBeGreaterThanOrEqual(1);
    expect(entry.scaling.maxReplicas).toBeGreaterThanOrEqual(entry.scaling.minReplicas);
    for (const target of [entry.scaling.targetCpuPercent, entry.scaling.targetMemoryPercent]) {
      expect(target).toBeGreaterThan(0);
      expect(target).toBeLessThanOrEqual(100);
    }
    expect(entry.latency.availability).toBeGreaterThan(0.9);
    expect(entry.latency.availability).toBeLessThan(1);
    expect(entry.drainSeconds).toBeGreaterThan(0);
  }
});

test('a service declares its migrations folder exactly when it has one', () => {
  for (const entry of services) {
    const conventional = path.join(repoRoot, 'services', entry.name, 'migrations');
    expect({ service: entry.name, migrations: entry.migrations }).toEqual({
      service: entry.name,
      migrations: existsSync(conventional) ? 'migrations' : undefined,
    });
  }
  expect(service('user').migrations).toBe('migrations');
});

test('every scaling target is a load a replica can reach below its limits', () => {
  for (const entry of services) {
    const load = scalingLoad(entry);
    expect(load.cpuMillicores).toBeLessThan(entry.resources.cpu.limitMillicores);
    expect(load.memoryMiB).toBeLessThan(entry.resources.memory.limitMiB);
  }
  const gateway = services.find((entry) => entry.name === 'gateway')!;
  expect(scalingLoad(gateway)).toEqual({ cpuMillicores: 150, memoryMiB: 240 });
});

test("Node's own options are catalogued like any variable, and nodeEnv gives them to whatever starts a process", () => {
  expect(nodeEnv('gateway')).toEqual({ NODE_OPTIONS: '--max-semi-space-size=32' });
  expect(envDefaults('gateway')['NODE_OPTIONS']).toBe('--max-semi-space-size=32');
  expect(nodeEnv('user')).toEqual({});
  for (const entry of services) {
    for (const variable of envFor(entry.name).filter((candidate) => candidate.readByNode)) {
      // Node reads nothing else before our code runs, and a process without the variable must still start.
      expect(variable.name).toBe('NODE_OPTIONS');
      expect(variable.secret).toBeFalsy();
    }
  }
});

test('each service has one definition per variable, and a port default equal to its catalog port', () => {
  for (const entry of services) {
    const names = envFor(entry.name).map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
    expect(envFor(entry.name).find((variable) => variable.name === 'PORT')?.default).toBe(String(entry.port));
  }
});

/** A number used as a port: right after a colon (host:port), after a port key or PORT=, or passed to listen(). */
const portMention = /(:|port\s*[=:]\s*['"]?|listen\(\s*)(300[0-7]|8000)(?!\d)/i;

test('nothing outside the catalog hard-codes a service port', () => {
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => /\.(ts|js|ya?ml|json)$|(^|\/)(Dockerfile|Makefile)$/.test(file))
    .filter((file) => !file.startsWith('services/catalog/'))
    // Tests may assert the fixed ports; what they test may not hard-code them.
    .filter((file) => !/(^|\/)test\//.test(file))
    // Renderings generated from the catalog carry its ports by design (and a drift check).
    .filter(
      (file) =>
        !/(^|\/)(package-lock\.json|docker-compose\.yml)$|^charts\/what-if\/(values\.yaml|values\.schema\.json|examples\/)|^loadtest\/lib\/catalog\.ts$|__snapshots__/.test(
          file,
        ),
    );
  const offenders = tracked.filter((file) => {
    try {
      // Comments may name a port to explain; configuration and code may not.
      return readFileSync(path.join(repoRoot, file), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(#|\/\/|\*|\/\*)/.test(line))
        .some((line) => portMention.test(line));
    } catch {
      return false;
    }
  });
  expect(offenders).toEqual([]);
});
