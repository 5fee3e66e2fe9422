/**
 * Measures what the social issue asks for: the following feed's latency (p50/p99) for a reader
 * following 200 authors (through the gateway and straight to social), the latest feed for
 * comparison, like throughput under concurrency through the gateway, and the counter drift the
 * reconciler finds after it (it must be zero); then a hot recipient: first likes of every author
 * on one new post at once (each awards its author points), how soon the leaderboards show them
 * and the drift reconcile-engagement finds after it; and publishing's cost by followers (the
 * fan-out to their timelines). The services run as processes from their compiled
 * code against an in-process dynalite and this machine's PostgreSQL and Redis, in a database,
 * key prefix and tables of the run's own, removed afterwards. Accounts sign up through the
 * gateway; their scenarios are saved in history as the generation service saves them.
 * Run: make bench-social
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { type ServiceName, service } from '@what-if/catalog';
import { createServiceIdentity, readServiceKeys } from '@what-if/kit';
import { dropDatabase, ensureDatabase } from '../dev/database';
import { createCatalogTables, startDynalite } from '../dev/dynamo';
import { harnessIdentityEnv } from '../harness/service-keys';
import { type ServiceProcess, startServiceProcess } from '../harness/service-process';
import { formatMs, percentile } from './percentiles';
import { removeScratchKeys } from './scratch-keys';

const postgresUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://whatif:whatif@127.0.0.1:5432/postgres';
const redisUrl = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const samples = Number(process.env['BENCH_SAMPLES'] ?? 100);
const authorCount = Number(process.env['BENCH_AUTHORS'] ?? 200);
const postsPerAuthor = 2;
const likeRequests = Number(process.env['BENCH_LIKES'] ?? 600);
const likeConcurrency = 32;
const hotLikeConcurrency = 16;
const publishSamples = Number(process.env['BENCH_PUBLISHES'] ?? 20);

const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(postgresUrl);
  url.pathname = `/whatif_bench_${suffix}`;
  return url.toString();
})();
const redisPrefix = `bench:${suffix}:`;
const tablePrefix = `bench-${suffix}-`;
const neverRefuse = {
  RATE_LIMIT_IP_PER_MINUTE: '1000000000',
  RATE_LIMIT_USER_PER_MINUTE: '1000000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
};

interface Account {
  id: string;
  authorization: string;
}

async function call(
  url: string,
  init: { method?: string; authorization?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.authorization ? { authorization: init.authorization } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function expectOk(
  label: string,
  answer: Promise<{ status: number; body: Record<string, unknown> }>,
): Promise<Record<string, unknown>> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${label} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Runs the tasks with at most `width` at once. */
async function inParallel<T>(inputs: readonly T[], width: number, task: (input: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, inputs.length) }, async () => {
      while (next < inputs.length) await task(inputs[next++]!);
    }),
  );
}

/** A saved scenario as the generation service hands it to history. */
function scenario(id: string, index: number) {
  return {
    id,
    question: `What if city number ${index} had become the capital?`,
    title: `The capital that was ${index}`,
    premise:
      'A small river town becomes the seat of government after a disputed succession, and the roads, markets and schools of a whole country turn towards it over the following centuries.',
    divergence: { when: '1400', event: 'The court moves to the river town after a fire in the old capital.' },
    timeline: [
      { when: '1450', event: 'The town gains walls and a university.' },
      { when: '1550', event: 'Merchants follow the court along the river.' },
      { when: '1650', event: 'The old capital becomes a provincial city.' },
      { when: '1750', event: 'Canals link the capital to the sea.' },
      { when: '1850', event: 'Railways radiate from the river town.' },
    ],
    consequences: {
      immediate: 'The court settles by the river.',
      shortTerm: 'Trade shifts upstream.',
      longTerm: 'The country grows around a new centre.',
    },
    keyFigures: [{ name: 'The regent', role: 'Moved the court after the fire.' }],
    plausibility: { score: 3, assumptions: ['The fire was severe enough to move the court.'] },
    narration:
      'After the great fire, the court moved to a river town and never left. Merchants, scholars and builders followed, and over four centuries the small town became the heart of the country, its river carrying trade to the sea.',
    tags: ['capital', 'cities'],
    category: 'history',
    tone: 'serious',
    length: 'standard',
    language: 'en',
    provenance: { provider: 'local', model: 'offline-writer', promptVersion: 'bench', cached: false },
    createdAt: new Date().toISOString(),
  };
}

/** Sequential GETs; the latency of each, in milliseconds. */
async function timeGets(url: string, authorization: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

function summary(label: string, latencies: readonly number[]): string {
  return `${label}: p50 ${formatMs(percentile(latencies, 0.5))}, p99 ${formatMs(percentile(latencies, 0.99))} (${latencies.length} sequential)`;
}

async function main(): Promise<void> {
  const running: ServiceProcess[] = [];
  const dynamo = await startDynalite({ port: 0 });
  await ensureDatabase(databaseUrl, 5_000);
  try {
    await createCatalogTables(dynamo.endpoint, 'us-east-1', tablePrefix, [
      service('history'),
      service('social'),
    ]);
    const stores = {
      NODE_ENV: 'production',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE_PREFIX: tablePrefix,
      REDIS_URL: redisUrl,
    };
    const start = async (name: ServiceName, env: Record<string, string>) => {
      const started = await startServiceProcess(name, {
        keepLogs: false,
        env: { ...stores, REDIS_KEY_PREFIX: `${redisPrefix}${name}:`, ...env },
      });
      running.push(started);
      return started;
    };
    const user = await start('user', {
      DATABASE_URL: databaseUrl,
      JWT_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    });
    const history = await start('history', { USER_SERVICE_URL: user.url });
    const social = await start('social', {
      USER_SERVICE_URL: user.url,
      HISTORY_SERVICE_URL: history.url,
    });
    const gateway = await start('gateway', {
      ...neverRefuse,
      USER_SERVICE_URL: user.url,
      HISTORY_SERVICE_URL: history.url,
      SOCIAL_SERVICE_URL: social.url,
    });
    const api = (route: string) => `${gateway.url}${route}`;
    const asGeneration = createServiceIdentity(
      'generation',
      readServiceKeys('generation', harnessIdentityEnv('generation')).keys!,
    );

    process.stderr.write(
      `signing up ${authorCount + 1} accounts and publishing ${authorCount * postsPerAuthor} posts…\n`,
    );
    const register = async (index: number): Promise<Account> => {
      const signedIn = await expectOk(
        'register',
        call(api('/api/v1/auth/register'), {
          method: 'POST',
          body: {
            email: `bench-${suffix}-${index}@example.com`,
            password: 'Correct-Horse-9-Battery',
            displayName: `Bench ${index}`,
          },
        }),
      );
      const account = signedIn['user'] as { id: string };
      return { id: account.id, authorization: `Bearer ${String(signedIn['accessToken'])}` };
    };
    const reader = await register(0);
    const authors: Account[] = [];
    await inParallel(
      Array.from({ length: authorCount }, (_, index) => index + 1),
      8,
      async (index) => {
        const author = await register(index);
        authors.push(author);
        for (let post = 0; post < postsPerAuthor; post += 1) {
          const id = randomUUID();
          await expectOk(
            'save scenario',
            call(`${history.url}/internal/v1/scenarios/${id}`, {
              method: 'PUT',
              authorization: `Bearer ${asGeneration.tokenFor('history')}`,
              body: { ownerId: author.id, scenario: scenario(id, index * postsPerAuthor + post) },
            }),
          );
          await expectOk(
            'publish',
            call(api('/api/v1/social/posts'), {
              method: 'POST',
              authorization: author.authorization,
              body: { scenarioId: id },
            }),
          );
        }
      },
    );
    await inParallel(authors, 8, async (author) => {
      await expectOk(
        'follow',
        call(api(`/api/v1/social/following/${author.id}`), {
          method: 'PUT',
          authorization: reader.authorization,
        }),
      );
    });

    const following = '/api/v1/feed/following?limit=20';
    await timeGets(api(following), reader.authorization, 10);
    const followingViaGateway = await timeGets(api(following), reader.authorization, samples);
    const followingDirect = await timeGets(`${social.url}${following}`, reader.authorization, samples);
    const latest = await timeGets(api('/api/v1/feed?limit=20'), reader.authorization, samples);

    // Likes: every author likes and unlikes one post, all mixed, `likeConcurrency` at once.
    const firstPage = await expectOk('feed', call(api(following), { authorization: reader.authorization }));
    const target = String((firstPage['items'] as Array<{ id: string }>)[0]!.id);
    const requests = Array.from({ length: likeRequests }, (_, index) => ({
      who: authors[index % authors.length]!,
      method: index % 3 === 2 ? 'DELETE' : 'PUT',
    }));
    const likeLatencies: number[] = [];
    const likesStarted = performance.now();
    await inParallel(requests, likeConcurrency, async ({ who, method }) => {
      const started = performance.now();
      await expectOk(
        'like',
        call(api(`/api/v1/social/posts/${target}/like`), { method, authorization: who.authorization }),
      );
      likeLatencies.push(performance.now() - started);
    });
    const likeSeconds = (performance.now() - likesStarted) / 1000;

    // A hot recipient: one new post of the reader's, liked for the first time by every author,
    // `hotLikeConcurrency` at once. Each first like awards the reader points, so every request
    // moves one account's experience, day total and leaderboard entries.
    const hotScenario = randomUUID();
    await expectOk(
      'save scenario',
      call(`${history.url}/internal/v1/scenarios/${hotScenario}`, {
        method: 'PUT',
        authorization: `Bearer ${asGeneration.tokenFor('history')}`,
        body: { ownerId: reader.id, scenario: scenario(hotScenario, 0) },
      }),
    );
    const hotPost = await expectOk(
      'publish',
      call(api('/api/v1/social/posts'), {
        method: 'POST',
        authorization: reader.authorization,
        body: { scenarioId: hotScenario },
      }),
    );
    const hotLatencies: number[] = [];
    const requestsBefore = dynamo.requestsServed();
    const hotStarted = performance.now();
    await inParallel(authors, hotLikeConcurrency, async (who) => {
      const started = performance.now();
      await expectOk(
        'first like',
        call(api(`/api/v1/social/posts/${String(hotPost['id'])}/like`), {
          method: 'PUT',
          authorization: who.authorization,
        }),
      );
      hotLatencies.push(performance.now() - started);
    });
    const hotSeconds = (performance.now() - hotStarted) / 1000;
    // How long after the last like the leaderboards show the reader's points.
    const readerPoints = Number(
      (await expectOk('experience', call(api(`/api/v1/social/users/${reader.id}/experience`))))['points'],
    );
    const boardsStarted = performance.now();
    for (;;) {
      const boards = await Promise.all(
        ['all', '7d', '30d'].map((window) =>
          expectOk(
            'leaderboard',
            call(api(`/api/v1/social/leaderboard?window=${window}&limit=1`), {
              authorization: reader.authorization,
            }),
          ),
        ),
      );
      if (boards.every((board) => (board['me'] as { points?: number } | null)?.points === readerPoints))
        break;
      if (performance.now() - boardsStarted > 60_000) throw new Error('the leaderboards never caught up');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const boardsLagMs = performance.now() - boardsStarted;
    // Every DynamoDB request the likes caused, in the request and in the background (the few
    // reads of the checks above and of the services' pollers over these seconds included).
    const requestsPerLike = (dynamo.requestsServed() - requestsBefore) / authors.length;

    // Publishing fans the post out to every follower's timeline in the request: its cost by
    // followers, an author followed by the reader alone against the reader followed by everyone.
    const publishTimes = async (author: Account, count: number): Promise<number[]> => {
      const latencies: number[] = [];
      for (let index = 0; index < count; index += 1) {
        const id = randomUUID();
        await expectOk(
          'save scenario',
          call(`${history.url}/internal/v1/scenarios/${id}`, {
            method: 'PUT',
            authorization: `Bearer ${asGeneration.tokenFor('history')}`,
            body: { ownerId: author.id, scenario: scenario(id, 10_000 + index) },
          }),
        );
        const started = performance.now();
        await expectOk(
          'publish',
          call(api('/api/v1/social/posts'), {
            method: 'POST',
            authorization: author.authorization,
            body: { scenarioId: id },
          }),
        );
        latencies.push(performance.now() - started);
      }
      return latencies;
    };
    const narrowPublishes = await publishTimes(authors[0]!, publishSamples);
    await inParallel(authors, 8, async (author) => {
      await expectOk(
        'follow',
        call(api(`/api/v1/social/following/${reader.id}`), {
          method: 'PUT',
          authorization: author.authorization,
        }),
      );
    });
    const widePublishes = await publishTimes(reader, publishSamples);
    const perFollowerMs =
      (percentile(widePublishes, 0.5) - percentile(narrowPublishes, 0.5)) / (authors.length - 1);

    const reconciler = path.resolve(
      __dirname,
      '..',
      '..',
      '..',
      'services',
      'social',
      'dist',
      'cli',
      'reconcile-counters.js',
    );
    // The maintenance commands' report (they exit 1 when they found drift: the report says what).
    const runCommand = async (command: string, args: string[]) => {
      const ran = await promisify(execFile)(
        process.execPath,
        [path.resolve(path.dirname(reconciler), command), ...args],
        { env: { ...process.env, ...stores } },
      ).catch((error: { stdout?: string; stderr?: string }) => ({
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? '',
      }));
      try {
        return JSON.parse(ran.stdout) as Record<string, unknown>;
      } catch {
        throw new Error(`${command} printed no report: ${ran.stderr}`);
      }
    };
    const report = (await runCommand('reconcile-counters.js', ['--post', target])) as {
      countersChecked: number;
      drift: unknown[];
    };
    const engagementDrift = await runCommand('reconcile-engagement.js', ['--user', reader.id]).then(
      (found) => String((found as { drift: unknown[] }).drift.length),
      (error: Error) => `not measured (${error.message.trim()})`,
    );

    const lines = [
      `GET ${following} for a reader following ${authorCount} authors (${postsPerAuthor} posts each), first page:`,
      `  ${summary('through the gateway', followingViaGateway)}`,
      `  ${summary('straight to social', followingDirect)}`,
      summary('GET /api/v1/feed?limit=20 (latest) through the gateway', latest),
      `likes: ${likeRequests} PUT/DELETE …/like by ${authors.length} accounts on one post, ${likeConcurrency} at once, through the gateway: ${(likeRequests / likeSeconds).toFixed(0)} requests/s, p50 ${formatMs(percentile(likeLatencies, 0.5))}, p99 ${formatMs(percentile(likeLatencies, 0.99))}`,
      `counter drift after it (reconcile-counters --post): ${report.drift.length} of ${report.countersChecked} counters`,
      `hot recipient: ${authors.length} first likes on one new post, ${hotLikeConcurrency} at once, through the gateway: ${(authors.length / hotSeconds).toFixed(1)} requests/s, p50 ${formatMs(percentile(hotLatencies, 0.5))}, p99 ${formatMs(percentile(hotLatencies, 0.99))}; its author's leaderboard entries showed their ${readerPoints} points ${formatMs(boardsLagMs)} after the last like; ${requestsPerLike.toFixed(1)} DynamoDB requests per like`,
      `publish (fan-out to the author's and followers' timelines) through the gateway, ${publishSamples} sequential: 1 follower p50 ${formatMs(percentile(narrowPublishes, 0.5))}, p99 ${formatMs(percentile(narrowPublishes, 0.99))}; ${authors.length} followers p50 ${formatMs(percentile(widePublishes, 0.5))}, p99 ${formatMs(percentile(widePublishes, 0.99))}; ${perFollowerMs.toFixed(2)} ms more per follower, so about ${formatMs(percentile(narrowPublishes, 0.5) + perFollowerMs * 4_999)} at 5,000 followers`,
      `drift of its author's points, day totals, board entries and unread count after it (reconcile-engagement --user): ${engagementDrift}`,
      `node ${process.version}, ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const started of running.reverse()) await started.stop();
    await dropDatabase(databaseUrl, 5_000);
    await removeScratchKeys(redisUrl, redisPrefix);
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-social failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
