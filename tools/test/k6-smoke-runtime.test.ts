/**
 * The CI smoke harness runs k6 scripts as k6 documents: VUs with their own init context,
 * setup data as a JSON copy, synchronous HTTP with k6's response shape and metrics, checks,
 * groups, thresholds and handleSummary. Scripts here are written to a scratch folder and
 * call a local server on port 0. (It runs the compiled worker: npm run build first.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { smokeFailures, timedCrossings } from '../src/k6-smoke/main';
import { type WorkerRun, runInWorker } from '../src/k6-smoke/run-in-worker';

let server: Server;
let baseUrl: string;
let folder: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/missing') {
        res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"status":404}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-custom-thing': 'yes', 'retry-after': '7' });
      res.end(JSON.stringify({ method: req.method, url: req.url, body, agent: req.headers['user-agent'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  folder = mkdtempSync(path.join(tmpdir(), 'k6-smoke-'));
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
});

async function run(source: string, files: Record<string, string> = {}): Promise<WorkerRun> {
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  const script = path.join(folder, `script-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(script, source);
  return runInWorker(script, { BASE_URL: baseUrl }, folder);
}

describe('the CI smoke harness runs k6 scripts', () => {
  it("answers a request with k6's response: status, canonical headers, body, timings, json()", async () => {
    const { result, output } = await run(`
      import http from 'k6/http';
      import { check } from 'k6';
      export default function () {
        const res = http.post(__ENV.BASE_URL + '/echo', JSON.stringify({ a: 1 }), { headers: { 'content-type': 'application/json' } });
        check(res, {
          'status 200': (r) => r.status === 200,
          'canonical header names': (r) => r.headers['Content-Type'] === 'application/json' && r.headers['X-Custom-Thing'] === 'yes',
          'json() parses the body': (r) => r.json().body === '{"a":1}' && r.json().method === 'POST',
          'timings add up': (r) => r.timings.duration >= r.timings.waiting && r.timings.waiting > 0,
        });
        console.log(res.json().agent);
      }
    `);
    expect(smokeFailures(result)).toEqual([]);
    expect(result.checks).toEqual({ passes: 4, fails: 0 });
    expect(output).toContain('k6-ci-smoke-harness (not k6)');
  });

  it('counts a response outside the expected statuses in http_req_failed, and one inside as a success', async () => {
    const { result } = await run(`
      import http from 'k6/http';
      export const options = {
        thresholds: {
          'http_req_failed{route:expected}': ['rate==0'],
          'http_req_failed{route:unexpected}': ['rate==1'],
          'http_req_failed{route:refused}': ['rate==1'],
          'http_reqs': ['count==3'],
        },
      };
      export default function () {
        http.get(__ENV.BASE_URL + '/missing', { tags: { route: 'expected' }, responseCallback: http.expectedStatuses(404) });
        http.get(__ENV.BASE_URL + '/missing', { tags: { route: 'unexpected' } });
        const refused = http.get('http://127.0.0.1:1/', { tags: { route: 'refused' } });
        if (refused.status !== 0 || refused.error_code === 0 || refused.body !== null) throw new Error('not a failed request');
      }
    `);
    expect(smokeFailures(result)).toEqual([]);
    expect(result.thresholds.every((outcome) => outcome.ok === true)).toBe(true);
  });

  it('reports a crossed threshold, naming the submetric', async () => {
    const { result } = await run(`
      import http from 'k6/http';
      export const options = { thresholds: { 'http_reqs{route:a}': ['count>5'] } };
      export default function () { http.get(__ENV.BASE_URL + '/', { tags: { route: 'a' } }); }
    `);
    expect(smokeFailures(result)).toEqual(['threshold crossed: http_reqs{route:a} count>5 (was 1)']);
  });

  it('refuses a threshold expression k6 would refuse, before running anything', async () => {
    const { result } = await run(`
      import http from 'k6/http';
      export const options = { thresholds: { 'http_req_duration{route:a}': ['p99<300'] } };
      export default function () { http.get(__ENV.BASE_URL + '/'); }
    `);
    expect(result.requests).toBe(0);
    expect(smokeFailures(result).join('\n')).toMatch(
      /^init: .*failed parsing threshold expression "p99<300"/,
    );
  });

  it('returns false from check() when any predicate fails, and tags each check sample with its name', async () => {
    const { result } = await run(`
      import { check } from 'k6';
      export const options = { thresholds: { 'checks{check:holds}': ['rate==1'], 'checks{check:breaks}': ['rate==0'] } };
      export default function () {
        const all = check(1, { holds: (v) => v === 1, breaks: (v) => v === 2 });
        if (all !== false) throw new Error('check() returned ' + all);
      }
    `);
    expect(result.errors).toEqual([]);
    expect(result.checks).toEqual({ passes: 1, fails: 1 });
    expect(result.thresholds.map((outcome) => outcome.ok)).toEqual([true, true]);
  });

  it('interrupts an iteration when a check throws, and fails the smoke', async () => {
    const { result } = await run(`
      import { check } from 'k6';
      export default function () { check(null, { 'reads a field': (v) => v.field === 1 }); }
    `);
    expect(smokeFailures(result).join('\n')).toMatch(/iteration 0: TypeError/);
  });

  it("tags samples with the group path '::outer::inner' and refuses '::' in a group name", async () => {
    const { result } = await run(`
      import http from 'k6/http';
      import { group } from 'k6';
      export const options = { thresholds: { 'http_reqs{group:::outer::inner}': ['count==1'] } };
      export default function () {
        group('outer', () => group('inner', () => http.get(__ENV.BASE_URL + '/')));
        group('a::b', () => undefined);
      }
    `);
    expect(result.thresholds[0]!.ok).toBe(true);
    expect(result.errors.join('\n')).toMatch(/may not contain '::'/);
  });

  it("gives each VU its own init context and a JSON copy of setup()'s data", async () => {
    const { result } = await run(
      `
      import { check } from 'k6';
      import { Counter } from 'k6/metrics';
      import { bump } from './state.ts';
      const seen = new Counter('seen');
      export const options = {
        scenarios: {
          first: { executor: 'per-vu-iterations', vus: 1, iterations: 2, exec: 'mutate' },
          second: { executor: 'shared-iterations', vus: 2, iterations: 2, exec: 'mutate' },
        },
        thresholds: { 'seen{scenario:second}': ['count==2'] },
      };
      export function setup() { return { count: 1, when: new Date(0) }; }
      export function mutate(data) {
        check(data, {
          'a JSON copy': (d) => typeof d.when === 'string',
          'module state is per VU': () => bump() === __ITER + 1,
        });
        data.count += 1;
        seen.add(1);
      }
      export function teardown(data) { if (data.count !== 1) throw new Error('teardown saw ' + data.count); }
    `,
      { 'state.ts': 'let calls = 0;\nexport function bump(): number { calls += 1; return calls; }\n' },
    );
    expect(smokeFailures(result)).toEqual([]);
    expect(result.iterations).toBe(4);
  });

  it('allows metrics to be declared only in the init context', async () => {
    const { result } = await run(`
      import { Trend } from 'k6/metrics';
      export default function () { new Trend('late'); }
    `);
    expect(result.errors.join('\n')).toMatch(/metrics must be declared in the init context/);
  });

  it('refuses a Node module: a k6 script has none', async () => {
    const { result } = await run(`
      import { readFileSync } from 'node:fs';
      export default function () { readFileSync('/etc/hostname'); }
    `);
    expect(result.errors.join('\n')).toMatch(/imports "node:fs".*only k6, k6\/http and k6\/metrics/);
  });

  it('refuses executors a smoke run does not use', async () => {
    const { result } = await run(`
      export const options = { scenarios: { steady: { executor: 'constant-arrival-rate', rate: 1, duration: '1m', preAllocatedVUs: 1 } } };
      export default function () {}
    `);
    expect(result.errors.join('\n')).toMatch(
      /runs only the per-vu-iterations and shared-iterations executors/,
    );
  });

  it("writes handleSummary's files with k6's summary data, submetrics with thresholds included", async () => {
    mkdirSync(path.join(folder, 'out'), { recursive: true });
    const { result, output } = await run(`
      import http from 'k6/http';
      export const options = {
        thresholds: { 'http_req_duration{route:a}': ['p(99)<60000'], 'http_req_failed{route:never}': ['rate<0.01'] },
        summaryTrendStats: ['med', 'p(99)', 'count'],
      };
      export default function () { http.get(__ENV.BASE_URL + '/', { tags: { route: 'a' } }); }
      export function handleSummary(data) {
        return { stdout: 'summary written', 'out/summary.json': JSON.stringify(data) };
      }
    `);
    expect(output).toContain('summary written');
    expect(result.filesWritten).toEqual([path.join(folder, 'out', 'summary.json')]);
    const data = JSON.parse(readFileSync(result.filesWritten[0]!, 'utf8')) as {
      metrics: Record<
        string,
        { type: string; values: Record<string, number>; thresholds?: Record<string, { ok: boolean }> }
      >;
    };
    expect(data.metrics['http_req_duration{route:a}']).toMatchObject({
      type: 'trend',
      values: { count: 1 },
      thresholds: { 'p(99)<60000': { ok: true } },
    });
    expect(Object.keys(data.metrics['http_req_duration{route:a}']!.values)).toEqual([
      'med',
      'p(99)',
      'count',
    ]);
    expect(data.metrics['http_req_failed{route:never}']!.values).toEqual({ rate: 0, passes: 0, fails: 0 });
    expect(smokeFailures(result)).toEqual([
      'threshold without samples: http_req_failed{route:never} rate<0.01',
    ]);
  });

  it('makes no folder for a summary file, as k6 makes none: a missing one is an error', async () => {
    const { result } = await run(`
      export default function () {}
      export function handleSummary() { return { 'nowhere/summary.md': 'text' }; }
    `);
    expect(result.errors.join('\n')).toMatch(/could not open 'nowhere\/summary.md'/);
  });

  it('reports a latency threshold one smoke request crossed without failing on it: CI makes no timed assertions', async () => {
    const { result } = await run(`
      import http from 'k6/http';
      export const options = { thresholds: { 'http_req_duration{route:a}': ['p(99)<0'], 'http_reqs{route:a}': ['count==1'] } };
      export default function () { http.get(__ENV.BASE_URL + '/', { tags: { route: 'a' } }); }
    `);
    expect(smokeFailures(result)).toEqual([]);
    expect(timedCrossings(result)).toEqual([
      expect.stringMatching(/^http_req_duration\{route:a\} p\(99\)<0 \(was \d+ ms; not judged here\)$/),
    ]);
  });
});
