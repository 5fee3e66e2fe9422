import { runWithContext } from '@what-if/kit';
import { startTracing, tracingConfigured } from '@what-if/kit/tracing';
import { captureLogs } from '../../../test/support/logs';

// Tracing on, end to end through three services, is test/tracing-across-services.test.ts.

test('tracing is off unless an OTLP endpoint is configured, and the SDK switches can turn it off again', () => {
  const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' };
  expect(tracingConfigured({})).toBe(false);
  expect(tracingConfigured(endpoint)).toBe(true);
  expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })).toBe(
    true,
  );
  expect(tracingConfigured({ ...endpoint, OTEL_SDK_DISABLED: 'true' })).toBe(false);
  expect(tracingConfigured({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
});

test('untraced, a service starts no SDK and its log lines carry no trace ids', () => {
  expect(startTracing('kit-test', {})).toBe(false);
  const logs = captureLogs('kit-test');
  runWithContext({ requestId: 'request-0002' }, () => logs.logger.info('inside'));
  expect(logs.lines[0]).toMatchObject({ requestId: 'request-0002' });
  expect(logs.lines[0]).not.toHaveProperty('trace_id');
});
