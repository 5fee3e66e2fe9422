import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { services } from '@what-if/catalog';
import {
  engagementEventSchema,
  moderationActionSchema,
  openShareRequestSchema,
  openedShareSchema,
  purgeInstructionSchema,
  saveScenarioRequestSchema,
  scenarioSchema,
  sessionStatusSchema,
  shareAvailabilitySchema,
  shareSignalsSchema,
} from '@what-if/contracts';

/**
 * The contracts are zod; each service's openapi.yaml describes the same shapes for its
 * validator and its readers. These checks keep every copy equal to the zod schema.
 */
const servicesRoot = path.resolve(__dirname, '..', '..');

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

function openApiOf(service: string): OpenApiDocument {
  return parse(readFileSync(path.join(servicesRoot, service, 'openapi.yaml'), 'utf8')) as OpenApiDocument;
}

/** A schema with its local $refs replaced by what they point to, and prose (descriptions) left out. */
function resolved(node: unknown, document: OpenApiDocument): unknown {
  if (Array.isArray(node)) return node.map((item) => resolved(item, document));
  if (!node || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
    const target = name ? document.components?.schemas?.[name] : undefined;
    if (!target) throw new Error(`${ref} does not resolve`);
    return resolved(target, document);
  }
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'description' && typeof value === 'string'))
      .map(([key, value]) => [key, resolved(value, document)]),
  );
}

/** Order-free where order means nothing: `required` lists are compared as sets. */
function normalized(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalized);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [
    key,
    key === 'required' && Array.isArray(value) ? [...(value as string[])].sort() : normalized(value),
  ]);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  // The regex zod adds beside a format (date-time, uuid) says no more than the format does.
  if (typeof object['format'] === 'string') delete object['pattern'];
  return object;
}

/** zod's JSON Schema in the OpenAPI 3.0 dialect the services' documents use. */
function fromZod(schema: z.ZodType): unknown {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0' }) as Record<
    string,
    unknown
  >;
  return normalized(rest);
}

function fromOpenApi(schema: unknown, document: OpenApiDocument): unknown {
  return normalized(resolved(schema, document));
}

const servicesWithContracts = readdirSync(servicesRoot).filter((service) => {
  try {
    readFileSync(path.join(servicesRoot, service, 'openapi.yaml'));
    return true;
  } catch {
    return false;
  }
});

const declaringScenario = servicesWithContracts.filter(
  (service) => openApiOf(service).components?.schemas?.['Scenario'] !== undefined,
);

test('generation and history both describe the scenario', () => {
  expect(declaringScenario).toEqual(expect.arrayContaining(['generation', 'history']));
});

test.each(declaringScenario)(
  '%s/openapi.yaml describes the Scenario exactly as the contracts do',
  (service) => {
    const document = openApiOf(service);
    expect(fromOpenApi(document.components?.schemas?.['Scenario'], document)).toEqual(
      fromZod(scenarioSchema),
    );
  },
);

test("history's internal save takes exactly the contracts' save-scenario request", () => {
  const document = openApiOf('history');
  const operation = document.paths['/internal/v1/scenarios/{id}']?.['put'] as {
    requestBody: { content: { 'application/json': { schema: unknown } } };
  };
  expect(fromOpenApi(operation.requestBody.content['application/json'].schema, document)).toEqual(
    fromZod(saveScenarioRequestSchema),
  );
});

test("the user service's session status is the contracts' answer the gateway reads", () => {
  const document = openApiOf('user');
  const operation = document.paths['/internal/v1/sessions/{sessionId}']?.['get'] as {
    responses: { '200': { content: { 'application/json': { schema: unknown } } } };
  };
  expect(fromOpenApi(operation.responses['200'].content['application/json'].schema, document)).toEqual(
    fromZod(sessionStatusSchema),
  );
});

/** The JSON body an operation takes, resolved. */
function requestBodyOf(service: string, pathName: string, method: string): unknown {
  const document = openApiOf(service);
  const operation = document.paths[pathName]?.[method] as {
    requestBody: { content: { 'application/json': { schema: unknown } } };
  };
  return fromOpenApi(operation.requestBody.content['application/json'].schema, document);
}

test.each(services.filter((entry) => (entry.purges?.receives ?? []).length > 0).map((entry) => entry.name))(
  "%s's purge endpoint (a receiver in the catalog) takes exactly the contracts' purge instruction",
  (service) => {
    expect(requestBodyOf(service, '/internal/v1/purges', 'post')).toEqual(fromZod(purgeInstructionSchema));
  },
);

test("sharing takes exactly the contracts' moderation action", () => {
  expect(requestBodyOf('sharing', '/internal/v1/moderation-actions', 'post')).toEqual(
    fromZod(moderationActionSchema),
  );
});

/** The JSON answer an operation gives with a status, resolved. */
function responseBodyOf(service: string, pathName: string, method: string, status: string): unknown {
  const document = openApiOf(service);
  const operation = document.paths[pathName]?.[method] as {
    responses: Record<string, { content: { 'application/json': { schema: unknown } } }>;
  };
  return fromOpenApi(operation.responses[status]!.content['application/json'].schema, document);
}

test("sharing opens a share for video with exactly the contracts' request and answer", () => {
  const open = '/internal/v1/shares/{slug}/open';
  expect(requestBodyOf('sharing', open, 'post')).toEqual(fromZod(openShareRequestSchema));
  expect(responseBodyOf('sharing', open, 'post', '200')).toEqual(fromZod(openedShareSchema));
  expect(responseBodyOf('sharing', '/internal/v1/shares/{slug}/availability', 'get', '200')).toEqual(
    fromZod(shareAvailabilitySchema),
  );
});

test("social takes exactly the contracts' engagement event", () => {
  expect(requestBodyOf('social', '/internal/v1/engagement-events', 'post')).toEqual(
    fromZod(engagementEventSchema),
  );
});

test("social takes exactly the contracts' share signals from sharing", () => {
  expect(requestBodyOf('social', '/internal/v1/share-signals/{slug}', 'put')).toEqual(
    fromZod(shareSignalsSchema),
  );
});
