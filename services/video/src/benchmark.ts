/**
 * `make bench-video`: renders one video of about 60 seconds at 720p with the worker's own
 * pipeline (espeak-ng, Skia slides, ffmpeg) and prints what it cost: the real-time factor
 * (render time ÷ video duration), CPU seconds, the peak memory of the worker process with its
 * ffmpeg and espeak-ng children, and each stage's time. Figures, not pass/fail. The make verb
 * pins it to one core (taskset) when it can; run it on an idle machine for figures worth keeping.
 */
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Scenario } from '@what-if/contracts';
import { envDefaults } from '@what-if/catalog';
import { renderVideo } from './pipeline/render-video';
import { createEspeakProvider } from './speech/espeak';
import type { VideoOptions, VideoStage } from './video';

/** An English scenario whose full narration lasts about a minute at rate 1. */
const scenario: Scenario = {
  id: 'benchmark',
  language: 'en',
  question: 'What if the Roman Empire never fell?',
  title: 'The Eternal Empire',
  premise:
    'Rome survives the crises of the fifth century. Its armies are paid, its cities fortified, and its emperors learn to share power with the provinces.',
  divergence: { when: '476 CE', event: 'Odoacer is defeated and the western court holds Ravenna.' },
  timeline: [
    { when: '500', event: 'The western provinces are reorganised around fortified cities.' },
    { when: '800', event: 'Roman law is codified anew across both halves of the empire.' },
    { when: '1200', event: 'Imperial engineers build aqueducts as far as the Baltic.' },
    { when: '1500', event: 'Roman fleets reach the Americas under an imperial charter.' },
  ],
  consequences: {
    immediate: 'The west avoids fragmentation into kingdoms.',
    shortTerm: 'Trade across the Mediterranean continues without interruption.',
    longTerm: 'Latin remains the language of science and government worldwide.',
  },
  keyFigures: [{ name: 'Julius Nepos', role: 'The emperor who held the west together.' }],
  plausibility: { score: 4, assumptions: ['The western army could have been paid and kept loyal.'] },
  narration: 'Imagine a world in which Rome never fell.',
  category: 'history',
  tone: 'serious',
  length: 'standard',
  provenance: { provider: 'local', model: 'offline-composer', promptVersion: '1', cached: false },
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
};

const options: VideoOptions = {
  length: 'full',
  resolution: '720p',
  voice: 'female',
  rate: 1,
  burnCaptions: false,
};

/** Resident memory of a process and every descendant, from /proc (Linux), in bytes. */
async function treeResidentBytes(pid: number): Promise<number> {
  let kibibytes = 0;
  const visit = async (id: string): Promise<void> => {
    try {
      const status = await readFile(`/proc/${id}/status`, 'utf8');
      kibibytes += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of await readdir(`/proc/${id}/task`)) {
        const children = await readFile(`/proc/${id}/task/${task}/children`, 'utf8');
        for (const child of children.split(/\s+/).filter(Boolean)) await visit(child);
      }
    } catch {
      // The process ended while it was read: it holds nothing any more.
    }
  };
  await visit(String(pid));
  return kibibytes * 1024;
}

/** CPU seconds of this process and of its children that have ended (ffmpeg, espeak-ng), from /proc. */
async function cpuSeconds(): Promise<{ self: number; children: number }> {
  const fields = (await readFile('/proc/self/stat', 'utf8')).split(') ')[1]!.split(' ');
  // utime, stime, cutime, cstime are fields 14-17 of stat(5); here counted from field 3.
  const ticks = (index: number) => Number(fields[index - 3]);
  const hertz = 100;
  return { self: (ticks(14) + ticks(15)) / hertz, children: (ticks(16) + ticks(17)) / hertz };
}

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'what-if-video-benchmark-'));
  let peak = 0;
  const sampler = setInterval(() => {
    void treeResidentBytes(process.pid).then((bytes) => (peak = Math.max(peak, bytes)));
  }, 100);
  const stageSeconds: Partial<Record<VideoStage, number>> = {};
  let stage: VideoStage | undefined;
  let stageStarted = performance.now();
  const before = await cpuSeconds();
  const started = performance.now();
  try {
    const video = await renderVideo({
      scenario,
      options,
      speech: createEspeakProvider(),
      fontDir: process.env['VIDEO_FONT_DIR'] || envDefaults('video')['VIDEO_FONT_DIR']!,
      appUrl: envDefaults('video')['PUBLIC_APP_URL']!,
      workDir,
      signal: new AbortController().signal,
      onProgress: (next) => {
        if (next === stage) return;
        const now = performance.now();
        if (stage) stageSeconds[stage] = (stageSeconds[stage] ?? 0) + (now - stageStarted) / 1000;
        stage = next;
        stageStarted = now;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (stage) stageSeconds[stage] = (stageSeconds[stage] ?? 0) + (performance.now() - stageStarted) / 1000;
    const after = await cpuSeconds();
    const cpu = after.self - before.self + (after.children - before.children);
    const cores = process.env['VIDEO_BENCH_CPUS'] ?? 'unpinned';
    process.stdout.write(
      [
        `video benchmark: ${options.length} ${options.resolution} English narration, espeak-ng, cores: ${cores}`,
        `  video duration      ${video.durationSeconds.toFixed(1)} s (${video.width}x${video.height})`,
        `  render time         ${seconds.toFixed(1)} s   real-time factor ${(seconds / video.durationSeconds).toFixed(2)}`,
        `  CPU time            ${cpu.toFixed(1)} s   (${(cpu / video.durationSeconds).toFixed(2)} CPU-seconds per video second)`,
        `  peak memory         ${mebibytes(peak)} (node with its ffmpeg and espeak-ng children; node alone ${mebibytes(process.resourceUsage().maxRSS * 1024)})`,
        `  stages              ${Object.entries(stageSeconds)
          .map(([name, value]) => `${name} ${value.toFixed(1)} s`)
          .join(', ')}`,
        '',
      ].join('\n'),
    );
  } finally {
    clearInterval(sampler);
    await rm(workDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`video benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
