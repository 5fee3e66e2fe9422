import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { service } from '@what-if/catalog';
import { type ApiCall, apiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { type FakeIdentity, startFakeIdentity } from './support/fake-identity';
import { type TestStores, provisionStores } from './support/service-chassis';
import {
  type GatewayInFront,
  type ServiceProcess,
  startGatewayInFront,
  startServiceProcess,
} from './support/service-processes';
import { signAccessToken } from './support/tokens';

/**
 * Tracing on, as an operator turns it on (OTEL_EXPORTER_OTLP_ENDPOINT), with a local OTLP/HTTP
 * receiver standing in for the collector: one request through the gateway to generation, which
 * saves the scenario in history, is one trace across the three services.
 */

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

/** OTLP/HTTP with JSON bodies (what @opentelemetry/exporter-trace-otlp-http sends). */
function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const exported = JSON.parse(body) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: { stringValue?: string } }[] };
            scopeSpans: {
              spans: {
                traceId: string;
                spanId: string;
                parentSpanId?: string;
                name: string;
                kind: number;
                attributes?: { key: string; value: Record<string, unknown> }[];
              }[];
            }[];
          }[];
        };
        for (const resourceSpans of exported.resourceSpans) {
          const serviceName =
            resourceSpans.resource.attributes.find((attribute) => attribute.key === 'service.name')?.value
              .stringValue ?? '';
          for (const scope of resourceSpans.scopeSpans) {
            for (const span of scope.spans) {
              spans.push({
                service: serviceName,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId ?? '',
                name: span.name,
                kind: span.kind,
                attributes: Object.fromEntries(
                  (span.attributes ?? []).map((attribute) => [
                    attribute.key,
                    Object.values(attribute.value)[0],
                  ]),
                ),
              });
            }
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server }),
    ),
  );
}

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let identity: FakeIdentity;
const stores: TestStores[] = [];
const running: ServiceProcess[] = [];
let gateway: GatewayInFront;
let call: ApiCall;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // Spans leave in batches; a short delay so the test does not wait five seconds for them.
  const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
  identity = await startFakeIdentity();
  const start = async (name: 'history' | 'generation', env: Record<string, string>) => {
    const own = await provisionStores(service(name).stores);
    stores.push(own);
    const started = await startServiceProcess(name, { env: { ...own.env, ...tracing, ...env } });
    running.push(started);
    await eventually(async () => expect((await fetch(`${started.url}/health/ready`)).status).toBe(200));
    return started;
  };
  const history = await start('history', { USER_SERVICE_URL: identity.url });
  const generation = await start('generation', {
    USER_SERVICE_URL: identity.url,
    HISTORY_SERVICE_URL: history.url,
  });
  gateway = await startGatewayInFront(
    { user: identity.url, history: history.url, generation: generation.url },
    tracing,
  );
  call = apiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.stop();
  for (const started of running.reverse()) await started.stop();
  for (const own of stores) await own.cleanup();
  await identity?.close();
  await new Promise((resolve) => receiver?.server.close(resolve));
});

test('one request is one trace from the gateway through generation to history, each span carrying the request id', async () => {
  const answer = await call<{ id: string }>('POST', '/api/v1/scenarios', {
    body: { question: 'What if the Roman Empire never fell?' },
    headers: { accept: 'application/json', 'x-request-id': 'trace-across-three-0001' },
    token: signAccessToken(identity.signingKey, { sub: 'user-traced' }),
  });
  expect(answer.status).toBe(201);

  // The gateway's server span is the root: the client sent no trace context.
  let root: ReceivedSpan | undefined;
  await eventually(async () => {
    root = receiver.spans.find(
      (span) =>
        span.service === 'gateway' &&
        span.kind === 2 &&
        span.parentSpanId === '' &&
        span.attributes['request.id'] === 'trace-across-three-0001',
    );
    expect(root).toBeDefined();
    const trace = receiver.spans.filter((span) => span.traceId === root!.traceId);
    expect(new Set(trace.map((span) => span.service))).toEqual(new Set(['gateway', 'generation', 'history']));
    // History's server span is there (it is exported when its response ends).
    expect(trace.some((span) => span.service === 'history' && span.kind === 2)).toBe(true);
  }, 10_000);

  const trace = receiver.spans.filter((span) => span.traceId === root!.traceId);
  const byId = new Map(trace.map((span) => [span.spanId, span]));
  const servicesAbove = (span: ReceivedSpan): string[] => {
    const chain: string[] = [];
    for (let at: ReceivedSpan | undefined = span; at; at = byId.get(at.parentSpanId)) chain.push(at.service);
    return chain;
  };
  const historyServer = trace.find((span) => span.service === 'history' && span.kind === 2)!;
  // Every hop's parent is the caller's span: history <- generation <- gateway, unbroken to the root.
  expect([...new Set(servicesAbove(historyServer))]).toEqual(['history', 'generation', 'gateway']);
  expect(servicesAbove(historyServer).length).toBe(
    new Set(servicesAbove(historyServer).map((_, i) => i)).size,
  );
  expect(byId.has(historyServer.parentSpanId)).toBe(true);
  // Every span made while serving the request carries its correlation id, stores' spans included.
  for (const span of trace)
    expect([span.service, span.name, span.attributes['request.id']]).toEqual([
      span.service,
      span.name,
      'trace-across-three-0001',
    ]);
  expect(
    trace.some((span) => span.service === 'history' && /dynamodb/i.test(JSON.stringify(span.attributes))),
  ).toBe(true);

  // And the services' log lines name the trace.
  const historyProcess = running.find((started) => started.name === 'history')!;
  await eventually(async () =>
    expect(
      historyProcess.logs.find(
        (line) => line['msg'] === 'request' && line['requestId'] === 'trace-across-three-0001',
      ),
    ).toMatchObject({ trace_id: root!.traceId }),
  );
});
