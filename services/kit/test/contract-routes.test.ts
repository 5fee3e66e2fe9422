import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Express } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import * as pathToRegexpModule from 'path-to-regexp';
import {
  createMetrics,
  createServiceApp,
  loadOpenApiDocument,
  notFoundHandler,
  problemHandler,
} from '@what-if/kit';
import { captureLogs } from '../../../test/support/logs';

/*
 * The kit finds a request's contract route with matchers compiled once (openapi-route-lookup.ts)
 * where express-openapi-validator compiles them on every request. These tests hold the kit's app
 * to the library's own answers, request by request, and check the compiling happens once.
 */

const specPath = path.join(__dirname, 'fixtures', 'shelves.openapi.yaml');
const logs = captureLogs('kit-routes');

function shelfRoutes(app: Express): void {
  app.get('/shelves/mine', (_req, res) => {
    res.json({ mine: true });
  });
  app.get('/shelves/:shelfId', (req, res) => {
    res.json({ shelfId: req.params['shelfId'] });
  });
  app.delete('/shelves/:shelfId', (_req, res) => {
    res.status(204).end();
  });
  app.put('/shelves/:shelfId/books/:title', (req, res) => {
    res.json({
      shelfId: req.params['shelfId'],
      title: req.params['title'],
      copies: (req.body as { copies: number }).copies,
    });
  });
}

/** The same routes behind express-openapi-validator as it comes, with the kit's options and error answers. */
function libraryApp(): Express {
  const app = express();
  app.use(express.json());
  app.use(
    OpenApiValidator.middleware({
      apiSpec: loadOpenApiDocument(specPath) as never,
      validateRequests: { allowUnknownQueryParameters: false, allErrors: true },
      validateResponses: { removeAdditional: false },
      validateSecurity: false,
    }) as unknown as express.RequestHandler[],
  );
  shelfRoutes(app);
  app.use(notFoundHandler);
  app.use(problemHandler(logs.logger));
  return app;
}

function kitApp(): Express {
  return createServiceApp({
    logger: logs.logger,
    metrics: createMetrics('kit-routes'),
    identity: undefined,
    openapiPath: specPath,
    validateResponses: true,
    routes: shelfRoutes,
  });
}

async function listen(app: Express): Promise<{ server: Server; url: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const servers: Server[] = [];
let kitUrl: string;
let libraryUrl: string;
let compiles: jest.SpyInstance;

beforeAll(async () => {
  compiles = jest.spyOn(pathToRegexpModule, 'pathToRegexp');
  const kit = await listen(kitApp());
  const library = await listen(libraryApp());
  servers.push(kit.server, library.server);
  kitUrl = kit.url;
  libraryUrl = library.url;
});

afterAll(async () => {
  compiles.mockRestore();
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

interface Answer {
  status: number;
  allow: string | null;
  body: unknown;
}

async function ask(base: string, method: string, target: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${base}${target}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  // The request id is the kit's request context's (the library's app has none), different each time.
  if (parsed) delete parsed['requestId'];
  return { status: response.status, allow: response.headers.get('allow'), body: parsed };
}

test.each([
  ['GET', '/shelves/7', 200, undefined],
  ['GET', '/shelves/mine', 200, undefined],
  ['GET', '/SHELVES/7', 200, undefined],
  ['GET', '/shelves/7/', 200, undefined],
  ['GET', '/shelves/7?sort=title', 200, undefined],
  ['GET', '/shelves/7?sort=size', 400, undefined],
  ['GET', '/shelves/7?colour=red', 400, undefined],
  ['GET', '/shelves/0', 400, undefined],
  ['GET', '/shelves/abc', 400, undefined],
  ['DELETE', '/shelves/7', 204, undefined],
  ['POST', '/shelves/7', 405, undefined],
  ['PATCH', '/shelves/mine', 405, undefined],
  ['GET', '/shelves', 404, undefined],
  ['GET', '/nowhere/at/all', 404, undefined],
  ['PUT', '/shelves/7/books/caf%C3%A9', 200, { copies: 2 }],
  ['PUT', '/shelves/7/books/a%2Fb', 200, { copies: 2 }],
  ['PUT', '/shelves/7/books/dune', 400, { copies: 0 }],
  ['PUT', '/shelves/7/books/dune', 400, { copies: 1, spare: true }],
  ['PUT', `/shelves/7/books/${'a'.repeat(21)}`, 400, { copies: 1 }],
  ['PUT', '/shelves/x/books/dune', 400, { copies: 1 }],
] as const)(
  '%s %s answers %i, as express-openapi-validator itself does',
  async (method, target, status, body) => {
    const fromKit = await ask(kitUrl, method, target, body);
    expect(fromKit.status).toBe(status);
    expect(fromKit).toEqual(await ask(libraryUrl, method, target, body));
  },
);

test('path parameters reach the handler percent-decoded and typed by the contract', async () => {
  const answer = await ask(kitUrl, 'PUT', '/shelves/7/books/caf%C3%A9', { copies: 2 });
  expect(answer.body).toEqual({ shelfId: 7, title: 'café', copies: 2 });
});

test('a method the path lacks answers 405 naming the methods it has', async () => {
  const answer = await ask(kitUrl, 'POST', '/shelves/7');
  expect(answer.allow).toBe('DELETE, GET');
  expect(answer.body).toMatchObject({ status: 405, detail: 'This path does not accept that method.' });
});

test('a path parameter that is not valid percent-encoding answers 400 naming the path', async () => {
  const fromKit = await ask(kitUrl, 'PUT', '/shelves/7/books/%E0%A4%A', { copies: 2 });
  const fromLibrary = await ask(libraryUrl, 'PUT', '/shelves/7/books/%E0%A4%A', { copies: 2 });
  expect(fromLibrary.status).toBe(400);
  expect(fromKit.status).toBe(400);
  expect(fromKit.body).toMatchObject({
    type: '/problems/validation',
    errors: [{ path: '/shelves/7/books/%E0%A4%A', message: 'is not valid percent-encoding' }],
  });
});

test('each route is compiled once, not on every request as the library does', async () => {
  await ask(kitUrl, 'GET', '/shelves/1');
  await ask(libraryUrl, 'GET', '/shelves/1');
  const count = () => compiles.mock.calls.length;

  const beforeKit = count();
  for (let shelf = 1; shelf <= 20; shelf += 1) await ask(kitUrl, 'GET', `/shelves/${shelf}`);
  expect(count() - beforeKit).toBe(0);

  // The measure can tell: the library's own lookup compiles at least one matcher per request.
  const beforeLibrary = count();
  for (let shelf = 1; shelf <= 20; shelf += 1) await ask(libraryUrl, 'GET', `/shelves/${shelf}`);
  expect(count() - beforeLibrary).toBeGreaterThanOrEqual(20);
});
