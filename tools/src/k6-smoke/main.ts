/**
 * `make loadtest-smoke` (part of `make test`): every k6 script in loadtest/ runs its smoke
 * profile once (1 VU, 1 iteration per journey, no think time) through the CI smoke harness
 * against a whole stack of its own on free ports, so a broken request, check or threshold
 * expression fails CI. The harness is not k6 (k6 cannot be installed here) and its timings
 * mean nothing; `k6 run loadtest/<script>.ts` is how the scripts are meant to be run.
 *
 * Given a deployment's address instead (`make loadtest-smoke BASE_URL=https://<site>`, what the
 * release workflow runs against staging), it runs the same scripts there and starts nothing: the
 * k6 smoke of a real environment on a runner that has no k6.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { defaultRepoRoot } from '../dev/config';
import { startPrivateStack } from '../harness/private-stack';
import { runInWorker } from './run-in-worker';
import type { RunResult } from './runtime';

const loadtestDirectory = path.join(defaultRepoRoot, 'loadtest');
const workDirectory = path.join(defaultRepoRoot, '.loadtest-smoke');

/** The scripts: every .ts file directly in loadtest/ (lib/ and journeys/ hold their modules). */
export function loadtestScripts(directory: string = loadtestDirectory): string[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => path.join(directory, file));
}

/**
 * Why a smoke run failed, one line each; empty when it passed. A crossed threshold on a
 * duration does not fail it: one request on a shared CI machine says nothing about latency
 * (and CI makes no timed assertions), so those are only reported (`timedCrossings`). Their
 * expressions are still parsed and checked against their metric like every other.
 */
export function smokeFailures(result: RunResult): string[] {
  return [
    ...result.errors,
    ...result.thresholds
      .filter((outcome) => outcome.ok === false && !outcome.timed)
      .map((outcome) => `threshold crossed: ${outcome.selector} ${outcome.source} (was ${outcome.actual})`),
    // Stricter than k6, which only logs it: a smoke that leaves a threshold without samples
    // has not exercised the route it guards.
    ...result.thresholds
      .filter((outcome) => outcome.ok === undefined)
      .map((outcome) => `threshold without samples: ${outcome.selector} ${outcome.source}`),
    ...(result.checks.fails > 0 ? [`${result.checks.fails} check(s) failed`] : []),
    ...(result.iterations === 0 ? ['no iteration ran'] : []),
  ];
}

/** Latency thresholds one smoke request crossed: worth a line, not a failure. */
export function timedCrossings(result: RunResult): string[] {
  return result.thresholds
    .filter((outcome) => outcome.ok === false && outcome.timed)
    .map(
      (outcome) =>
        `${outcome.selector} ${outcome.source} (was ${outcome.actual?.toFixed(0)} ms; not judged here)`,
    );
}

/** The stack the scripts run against: a deployment named on the command line, or one of the run's own. */
async function target(deployment: string | undefined): Promise<{
  baseUrl: string;
  crashes: () => string[];
  stop: () => Promise<void>;
}> {
  if (deployment) {
    if (!/^https?:\/\/[^/]+/.test(deployment)) {
      throw new Error(`BASE_URL must be an http(s) address of a deployment (got '${deployment}')`);
    }
    process.stdout.write(
      `loadtest smoke (CI smoke harness, not k6) against ${deployment}: each script's setup registers its accounts there and its teardown deletes them\n`,
    );
    return { baseUrl: deployment.replace(/\/+$/, ''), crashes: () => [], stop: async () => undefined };
  }
  const stackLog = path.join(workDirectory, 'stack.log');
  process.stdout.write(
    `loadtest smoke (CI smoke harness, not k6): starting a stack (its log: ${stackLog})\n`,
  );
  // Free ports are taken a moment before the services bind them; on a busy machine another
  // process can take one in between, so a stack that did not start gets one more try.
  const stack = await startPrivateStack({ label: 'k6smoke', logFile: stackLog, env: process.env }).catch(
    (error: unknown) => {
      process.stdout.write(
        `the stack did not start (${(error as Error).message.split('\n')[0]}); trying again\n`,
      );
      return startPrivateStack({ label: 'k6smoke', logFile: stackLog, env: process.env });
    },
  );
  return { baseUrl: stack.urls.gateway, crashes: () => stack.crashes(), stop: () => stack.stop() };
}

async function main(): Promise<void> {
  const started = performance.now();
  rmSync(workDirectory, { recursive: true, force: true });
  mkdirSync(workDirectory, { recursive: true });
  const stack = await target(process.argv[2]);
  let failed = 0;
  const scripts = loadtestScripts();
  try {
    for (const script of scripts) {
      const name = path.basename(script, '.ts');
      const summaryDirectory = path.join(workDirectory, name);
      mkdirSync(summaryDirectory);
      const { result, output } = await runInWorker(
        script,
        {
          BASE_URL: stack.baseUrl,
          LOAD_PROFILE: 'smoke',
          ITERATIONS: '1',
          THINK_TIME_SCALE: '0',
          SUMMARY_DIR: summaryDirectory,
        },
        defaultRepoRoot,
      );
      const failures = smokeFailures(result);
      const verdict = failures.length === 0 ? 'ok    ' : 'FAILED';
      process.stdout.write(
        `  ${verdict} ${name}: ${result.iterations} iterations, ${result.requests} requests, ` +
          `${result.checks.passes} checks passed, ${result.thresholds.length} thresholds\n`,
      );
      for (const line of timedCrossings(result))
        process.stdout.write(`    latency over a threshold: ${line}\n`);
      if (failures.length > 0) {
        failed += 1;
        process.stdout.write(`${output}\n${failures.map((line) => `    ${line}`).join('\n')}\n`);
      }
    }
    for (const crash of stack.crashes()) {
      failed += 1;
      process.stdout.write(`a service crashed:\n${crash}\n`);
    }
  } finally {
    await stack.stop();
  }
  process.stdout.write(
    `loadtest smoke: ${scripts.length - failed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(0)} s; reports in ${path.relative(defaultRepoRoot, workDirectory)}/)\n`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `loadtest smoke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
