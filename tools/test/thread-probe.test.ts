import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Server, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultRepoRoot } from '../src/dev/config';
import {
  type RequestTimeline,
  type ThreadFigures,
  spreadOf,
  watchRequests,
  watchThread,
} from '../src/bench/thread-probe';

// The compiled preload, as make bench-edge loads it (npm run build makes it).
const probeScript = path.join(defaultRepoRoot, 'tools', 'dist', 'bench', 'edge-probe.js');

type ProbeLine = { thread: ThreadFigures; requests: RequestTimeline };

async function listening(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

describe("bench-edge's probe of a service process", () => {
  it('splits a forwarded request into access, upstream and after, joined by its x-request-id', async () => {
    const timeline = watchRequests();
    const upstream = createServer((_req, res) => {
      // The upstream takes 40 ms to answer.
      setTimeout(() => res.end('answer'), 40);
    });
    const upstreamUrl = await listening(upstream);
    // A proxy that spends 30 ms deciding before it forwards, as the gateway's access phase does.
    const proxy = createServer((req, res) => {
      setTimeout(() => {
        request(
          upstreamUrl,
          { headers: { 'x-request-id': String(req.headers['x-request-id']) } },
          (answer) => {
            answer.pipe(res);
          },
        ).end();
      }, 30);
    });
    const proxyUrl = await listening(proxy);
    try {
      timeline.take();
      for (let index = 0; index < 3; index += 1) {
        expect(await get(proxyUrl, { 'x-request-id': `probe-${index}` })).toBe(200);
      }
      // An answer with no forwarded call counts in the total only.
      expect(await get(upstreamUrl)).toBe(200);
      const read = timeline.take();
      // Three through the proxy, their three upstream calls, and the direct one.
      expect(read.requests).toBe(7);
      expect(read.forwarded).toBe(3);
      expect(read.accessMs.p50).toBeGreaterThanOrEqual(29);
      expect(read.upstreamMs.p50).toBeGreaterThanOrEqual(39);
      expect(read.totalMs.max).toBeGreaterThanOrEqual(read.accessMs.max + read.upstreamMs.p50);
      // A reading starts the next one afresh.
      expect(timeline.take().requests).toBe(0);
    } finally {
      proxy.close();
      upstream.close();
    }
  });

  it("sees the thread's garbage collection, CPU and memory", async () => {
    const thread = watchThread();
    try {
      thread.take();
      let kept: unknown[] = [];
      for (let index = 0; index < 200_000; index += 1) {
        kept.push({ index, text: `item ${index}` });
        if (kept.length > 1_000) kept = [];
      }
      // Collections are reported to the observer after they happen.
      await sleep(50);
      const read = thread.take();
      expect(read.gc.pauses).toBeGreaterThan(0);
      expect(read.gc.totalMs).toBeGreaterThan(0);
      expect(read.gc.longestMs).toBeLessThanOrEqual(read.gc.totalMs);
      expect(read.cpuMs).toBeGreaterThan(0);
      expect(read.rssMb).toBeGreaterThan(10);
    } finally {
      thread.stop();
    }
  });

  it('as a preload, appends a reading per SIGUSR2: requests answered and the event loop held up by one', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'edge-probe-test-'));
    const file = path.join(folder, 'probe.jsonl');
    // A server whose /block request keeps its thread busy for 80 ms.
    const server = `require('node:http').createServer((req, res) => {
      if (req.url === '/block') { const until = Date.now() + 80; while (Date.now() < until); }
      res.end('ok');
    }).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`;
    const child = spawn(process.execPath, ['--require', probeScript, '-e', server], {
      env: { ...process.env, EDGE_PROBE_FILE: file },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [portLine] = (await once(child.stdout!.setEncoding('utf8'), 'data')) as [string];
      const url = `http://127.0.0.1:${portLine.trim()}`;
      expect(await get(`${url}/block`)).toBe(200);
      for (let index = 0; index < 4; index += 1) expect(await get(`${url}/`)).toBe(200);
      const reading = async (count: number) => {
        child.kill('SIGUSR2');
        for (;;) {
          const lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
          if (lines.length >= count && lines[0]) return JSON.parse(lines[count - 1]!) as ProbeLine;
          await sleep(10);
        }
      };
      const first = await reading(1);
      expect(first.requests.requests).toBe(5);
      expect(first.requests.forwarded).toBe(0);
      expect(first.thread.loopDelayMs.max).toBeGreaterThanOrEqual(50);
      const second = await reading(2);
      expect(second.requests.requests).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('summarises samples by median, 99th percentile and maximum, nothing for no samples', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(spreadOf(samples)).toEqual({ p50: 50, p99: 99, max: 100 });
    expect(spreadOf([])).toEqual({ p50: Number.NaN, p99: Number.NaN, max: Number.NaN });
  });
});
