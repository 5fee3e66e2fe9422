/**
 * Measures what the scenarios issue asks for: the offline writer's generation latency
 * (p50/p99), the time to the first streamed event through the gateway, and the throughput
 * of cached requests through the gateway (and straight to generation, to see the gateway's
 * share). Runs against this machine's Redis under a key prefix of its own, removed after.
 * Run: make bench-generation
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createOfflineWriter, detectLanguage } from '@what-if/offline-writer';
import { type ServiceProcess, startServiceProcess } from '../harness/service-process';
import { load } from './load';
import { removeScratchKeys } from './scratch-keys';
import { formatMs, percentile } from './percentiles';

const redisUrl = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const samples = Number(process.env['BENCH_SAMPLES'] ?? 200);
const loadSeconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const redisPrefix = `bench:${Date.now().toString(36)}_${randomBytes(3).toString('hex')}:`;

const questions = [
  'What if the Roman Empire never fell?',
  'What if Napoleon had won at Waterloo?',
  'What if dinosaurs had survived the asteroid?',
  'What if the internet had been invented in the 1800s?',
  'What if money had never existed?',
  'What if I had become a doctor instead of a musician?',
  'What if dragons were real?',
  'Điều gì sẽ xảy ra nếu nhà Trần thua quân Mông Cổ?',
  'Nếu khủng long không bị tuyệt chủng thì sao?',
  'Nếu tôi đi du học năm 18 tuổi thì sao?',
];

/** Production mode; request logs stay on, as in production, but only the start-up line is read. */
const production = { NODE_ENV: 'production' };

/** Far above what one machine sends: limits and quotas count every request but never refuse. */
const neverRefuse = {
  RATE_LIMIT_IP_PER_MINUTE: '1000000000',
  RATE_LIMIT_USER_PER_MINUTE: '1000000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
  RATE_LIMIT_REFRESH_PER_MINUTE: '1000000000',
  QUOTA_ANONYMOUS_PER_DAY: '1000000000',
};

async function offlineWriterLatency(): Promise<number[]> {
  const writer = createOfflineWriter();
  const latencies: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const question = questions[index % questions.length] as string;
    const language = detectLanguage(question);
    const started = performance.now();
    await writer.write(
      { question, category: 'history', tone: 'serious', length: 'standard', language, seed: randomUUID() },
      new AbortController().signal,
      () => undefined,
    );
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** Sends a streamed request and resolves when the first event after `meta` arrives. */
async function timeToFirstEvent(url: string, question: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ question, regenerate: true }),
  });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  let firstEventAt: number | undefined;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    seen += decoder.decode(chunk.value, { stream: true });
    if (firstEventAt === undefined && /event: (section|delta)/.test(seen)) firstEventAt = performance.now();
  }
  if (firstEventAt === undefined) throw new Error(`no section or delta event in: ${seen.slice(0, 200)}`);
  return firstEventAt - started;
}

async function main(): Promise<void> {
  const running: ServiceProcess[] = [];
  try {
    const writer = await offlineWriterLatency();

    const generation = await startServiceProcess('generation', {
      keepLogs: false,
      env: {
        ...production,
        ...neverRefuse,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `${redisPrefix}generation:`,
      },
    });
    running.push(generation);
    const gateway = await startServiceProcess('gateway', {
      keepLogs: false,
      env: {
        ...production,
        ...neverRefuse,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `${redisPrefix}gateway:`,
        GENERATION_SERVICE_URL: generation.url,
      },
    });
    running.push(gateway);

    const firstEvents: number[] = [];
    for (let index = 0; index < Math.min(samples, 100); index += 1) {
      firstEvents.push(await timeToFirstEvent(gateway.url, questions[index % questions.length] as string));
    }

    const cachedBody = JSON.stringify({ question: 'What if the printing press had been invented in Rome?' });
    const post = { 'content-type': 'application/json' };
    await fetch(`${gateway.url}/api/v1/scenarios`, { method: 'POST', headers: post, body: cachedBody });
    const throughGateway = await load({
      url: `${gateway.url}/api/v1/scenarios`,
      connections,
      durationSeconds: loadSeconds,
      method: 'POST',
      headers: post,
      body: cachedBody,
    });
    const direct = await load({
      url: `${generation.url}/api/v1/scenarios`,
      connections,
      durationSeconds: loadSeconds,
      method: 'POST',
      headers: post,
      body: cachedBody,
    });

    const lines = [
      `offline writer, ${samples} scenarios: p50 ${formatMs(percentile(writer, 0.5))}, p99 ${formatMs(percentile(writer, 0.99))}`,
      `time to first section through the gateway (uncached stream), ${firstEvents.length} sequential: p50 ${formatMs(percentile(firstEvents, 0.5))}, p99 ${formatMs(percentile(firstEvents, 0.99))}`,
      `cached POST /api/v1/scenarios, ${connections} connections, ${loadSeconds} s each:`,
      `  through the gateway: ${throughGateway.requests.average.toFixed(0)} req/s, p50 ${throughGateway.latency.p50} ms, p99 ${throughGateway.latency.p99} ms, non-2xx ${throughGateway.non2xx}`,
      `  straight to generation: ${direct.requests.average.toFixed(0)} req/s, p50 ${direct.latency.p50} ms, p99 ${direct.latency.p99} ms, non-2xx ${direct.non2xx}`,
      `node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const service of running.reverse()) await service.stop();
    await removeScratchKeys(redisUrl, redisPrefix);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-generation failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
