import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Server, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultRepoRoot } from '../src/dev/config';
import { type AllocationFigures, watchAllocation } from '../src/bench/allocation';

// The compiled preload, as make bench-validation loads it (npm run build makes it).
const probeScript = path.join(defaultRepoRoot, 'tools', 'dist', 'bench', 'allocation-probe.js');

async function listening(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

/** About `megabytes` MB of short-lived arrays (8 bytes an element), none kept. */
function makeGarbage(megabytes: number): number {
  let sum = 0;
  for (let index = 0; index < megabytes * 16; index += 1) {
    const chunk = new Array<number>(8_192).fill(index);
    sum += chunk.length;
  }
  return sum;
}

describe("bench-validation's allocation probe", () => {
  it('counts what the heap allocated, the garbage collected meanwhile included', () => {
    const allocation = watchAllocation();
    allocation.take();
    // 64 MB is several times the young generation: collections happen in between.
    makeGarbage(64);
    const read = allocation.take();
    expect(read.gc.collections).toBeGreaterThan(0);
    expect(read.allocatedBytes).toBeGreaterThanOrEqual(64 * 2 ** 20);
    expect(read.allocatedBytes).toBeLessThan(128 * 2 ** 20);
    expect(read.cpuMs).toBeGreaterThan(0);
    // A reading starts the next one afresh.
    expect(allocation.take().allocatedBytes).toBeLessThan(2 ** 20);
  });

  it('counts the HTTP requests the process answered', async () => {
    const allocation = watchAllocation();
    const server = createServer((_req, res) => res.end('ok'));
    const url = await listening(server);
    try {
      allocation.take();
      for (let index = 0; index < 3; index += 1) expect(await get(url)).toBe(200);
      expect(allocation.take().requests).toBe(3);
    } finally {
      server.close();
    }
  });

  it('as a preload, appends a reading per SIGUSR2', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'allocation-probe-test-'));
    const file = path.join(folder, 'probe.jsonl');
    // A server whose /garbage request allocates about 32 MB it does not keep.
    const server = `require('node:http').createServer((req, res) => {
      if (req.url === '/garbage') for (let i = 0; i < 512; i += 1) new Array(8192).fill(i);
      res.end('ok');
    }).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`;
    const child = spawn(process.execPath, ['--require', probeScript, '-e', server], {
      env: { ...process.env, ALLOCATION_PROBE_FILE: file },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [portLine] = (await once(child.stdout!.setEncoding('utf8'), 'data')) as [string];
      const url = `http://127.0.0.1:${portLine.trim()}`;
      const reading = async (count: number) => {
        child.kill('SIGUSR2');
        for (;;) {
          const lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
          if (lines.length >= count && lines[0]) return JSON.parse(lines[count - 1]!) as AllocationFigures;
          await sleep(10);
        }
      };
      await reading(1);
      expect(await get(`${url}/garbage`)).toBe(200);
      expect(await get(`${url}/`)).toBe(200);
      const second = await reading(2);
      expect(second.requests).toBe(2);
      expect(second.allocatedBytes).toBeGreaterThanOrEqual(32 * 2 ** 20);
    } finally {
      child.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
