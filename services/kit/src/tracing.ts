import { type Span, type TracerProvider, trace } from '@opentelemetry/api';
import type * as SdkTraceNode from '@opentelemetry/sdk-trace-node';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import type * as ExporterTraceOtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type * as Instrumentation from '@opentelemetry/instrumentation';
import type * as InstrumentationHttp from '@opentelemetry/instrumentation-http';
import type * as InstrumentationUndici from '@opentelemetry/instrumentation-undici';
import type * as InstrumentationExpress from '@opentelemetry/instrumentation-express';
import type * as InstrumentationPg from '@opentelemetry/instrumentation-pg';
import type * as InstrumentationIoredis from '@opentelemetry/instrumentation-ioredis';
import type * as InstrumentationAwsSdk from '@opentelemetry/instrumentation-aws-sdk';

import { REQUEST_ID_HEADER, currentRequestId } from './context';

/**
 * OpenTelemetry tracing for a service: off unless an OTLP endpoint is configured
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the SDK's own variables),
 * then every incoming and outgoing HTTP request (node:http and fetch), Express routing,
 * PostgreSQL queries, Redis commands and AWS SDK calls make spans, W3C trace context travels
 * on every call between services, every span made while serving a request carries its
 * correlation id (`request.id`), and spans leave in batches over OTLP/HTTP.
 *
 * Instrumentation patches modules as they are first loaded, so a service starts tracing before
 * anything else: its main.ts imports its own `tracing.ts` first, which calls startTracing.
 */

/** The attribute that carries the correlation id (x-request-id) on spans. */
export const REQUEST_ID_ATTRIBUTE = 'request.id';

interface RunningTracing {
  provider: TracerProvider & { forceFlush(): Promise<void>; shutdown(): Promise<void> };
}

let running: RunningTracing | undefined;

export function tracingConfigured(env: NodeJS.ProcessEnv): boolean {
  if ((env['OTEL_SDK_DISABLED'] ?? '').toLowerCase() === 'true') return false;
  if ((env['OTEL_TRACES_EXPORTER'] ?? '').toLowerCase() === 'none') return false;
  return Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

/** Paths that say nothing about a user's request: probes and scrapes make no traces. */
const untracedPaths = /^\/(health(\/|$)|metrics$)/;

/**
 * Starts tracing for `service` when an endpoint is configured; returns whether it did. The
 * SDK is loaded only then, so a service without tracing pays nothing for it.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (running || !tracingConfigured(env)) return running !== undefined;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof SdkTraceNode;
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof SdkTraceBase;
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof ExporterTraceOtlpHttp;
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof Resources;
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof Instrumentation;
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof InstrumentationHttp;
  const { UndiciInstrumentation } =
    require('@opentelemetry/instrumentation-undici') as typeof InstrumentationUndici;
  const { ExpressInstrumentation, ExpressLayerType } =
    require('@opentelemetry/instrumentation-express') as typeof InstrumentationExpress;
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof InstrumentationPg;
  const { IORedisInstrumentation } =
    require('@opentelemetry/instrumentation-ioredis') as typeof InstrumentationIoredis;
  const { AwsInstrumentation } =
    require('@opentelemetry/instrumentation-aws-sdk') as typeof InstrumentationAwsSdk;
  /* eslint-enable @typescript-eslint/no-require-imports */

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': env['OTEL_SERVICE_NAME'] || service,
      'service.namespace': 'what-if',
    }),
    spanProcessors: [
      {
        // Every span made while serving a request carries its correlation id.
        onStart(span: Span) {
          const requestId = currentRequestId();
          if (requestId) span.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        },
        onEnd() {},
        forceFlush: () => Promise.resolve(),
        shutdown: () => Promise.resolve(),
      },
      new BatchSpanProcessor(new OTLPTraceExporter()),
    ],
  });
  // W3C trace context and baggage, and AsyncLocalStorage for the active span.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => untracedPaths.test(request.url ?? ''),
        // The server span starts before the kit gives the request its id; the answer carries it.
        applyCustomAttributesOnSpan: (span, _request, response) => {
          const requestId =
            'getHeader' in response
              ? response.getHeader(REQUEST_ID_HEADER)
              : response.headers[REQUEST_ID_HEADER];
          if (typeof requestId === 'string') span.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        },
      }),
      new UndiciInstrumentation(),
      // Route handlers only: a span per middleware layer is noise at every request.
      new ExpressInstrumentation({
        ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER],
      }),
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new AwsInstrumentation({ suppressInternalInstrumentation: true }),
    ],
  });
  running = { provider };
  return true;
}

/** Sends what is buffered and stops; the kit calls it once the stores are closed at shutdown. */
export async function stopTracing(): Promise<void> {
  const stopping = running;
  running = undefined;
  await stopping?.provider.shutdown();
}

/** The active span's ids for a log line, when there is one. */
export function traceFields(): { trace_id: string; span_id: string } | Record<string, never> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !running) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
