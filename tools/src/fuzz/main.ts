/**
 * `make fuzz`: Schemathesis against every service's OpenAPI contract, straight at each service
 * and through the gateway, on a whole stack of its own (started the way make dev starts one,
 * on free ports, with its own database, Redis prefix and in-memory dynalite, all removed
 * afterwards). Every 5xx, every response outside its contract, and every crash or hang fails it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceName } from '@what-if/catalog';
import { defaultRepoRoot } from '../dev/config';
import { createFuzzAccounts } from './accounts';
import { type SchemathesisOptions, type SchemathesisResult, runSchemathesis } from './schemathesis';
import { startPrivateStack } from '../harness/private-stack';
import { type OpenApiDocument, fuzzTargets, gatewayView, operationCount } from './targets';

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`make fuzz: ${name} must be a whole number above 0 (got "${raw}")\n`);
    process.exit(78);
  }
  return value;
}

const workDirectory = path.join(defaultRepoRoot, '.fuzz');
const reportDirectory = path.join(workDirectory, 'reports');
const options: SchemathesisOptions = {
  executable: process.env['FUZZ_SCHEMATHESIS'] || path.join(workDirectory, 'venv', 'bin', 'schemathesis'),
  configFile: path.join(defaultRepoRoot, 'tools', 'fuzz', 'schemathesis.toml'),
  reportDirectory,
  maxExamples: positiveInteger('FUZZ_MAX_EXAMPLES', 25),
  runTimeoutSeconds: positiveInteger('FUZZ_RUN_TIMEOUT_SECONDS', 300),
  // Fixed, so CI fuzzes the same inputs every time and a finding reproduces; change it to explore.
  seed: positiveInteger('FUZZ_SEED', 20_251_009),
  // One thread: CPython 3.11's ast.parse is not thread-safe (python/cpython#106905), and Hypothesis
  // parses source while generating, so two workers failed runs at random with a SystemError.
  workers: positiveInteger('FUZZ_WORKERS', 1),
};

async function fetchDocument(url: string): Promise<OpenApiDocument> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

function report(
  results: readonly SchemathesisResult[],
  crashes: readonly string[],
  seconds: number,
): boolean {
  const failed = results.filter((result) => result.exitCode !== 0);
  for (const result of failed) {
    process.stdout.write(`\n--- ${result.target.name}: findings (full log: ${result.logFile}) ---\n`);
    process.stdout.write(`${result.summary}\n`);
  }
  for (const crash of crashes) process.stdout.write(`\n--- a service crashed ---\n${crash}\n`);
  process.stdout.write('\nmake fuzz:\n');
  const width = Math.max(...results.map((result) => result.target.name.length));
  for (const result of results) {
    process.stdout.write(
      `  ${result.exitCode === 0 ? 'ok    ' : 'FAILED'} ${result.target.name.padEnd(width)} ${result.seconds.toFixed(0).padStart(4)} s\n`,
    );
  }
  process.stdout.write(
    `${results.length} runs, seed ${options.seed}, ${options.maxExamples} examples per operation, ${seconds.toFixed(0)} s\n`,
  );
  // Alone on its line, as test runners close, so CI counts it.
  const failures = failed.length + (crashes.length > 0 ? 1 : 0);
  process.stdout.write(`fuzz: ${results.length - failed.length} passed, ${failures} failed\n`);
  return failed.length === 0 && crashes.length === 0;
}

async function main(): Promise<void> {
  const started = performance.now();
  rmSync(reportDirectory, { recursive: true, force: true });
  mkdirSync(reportDirectory, { recursive: true });
  const stackLog = path.join(reportDirectory, 'stack.log');
  process.stdout.write(`make fuzz: starting the stack under fuzz (its log: ${stackLog})\n`);
  const stack = await startPrivateStack({ label: 'fuzz', logFile: stackLog, env: process.env });
  const results: SchemathesisResult[] = [];
  try {
    const gatewaySchemaFile = new Map<ServiceName, string>();
    for (const [name, url] of Object.entries(stack.urls) as Array<[ServiceName, string]>) {
      const view = gatewayView(await fetchDocument(`${url}/openapi.json`), name);
      if (name === 'gateway' || operationCount(view) === 0) continue;
      const file = path.join(reportDirectory, `${name}-via-gateway.openapi.json`);
      writeFileSync(file, JSON.stringify(view, null, 2));
      gatewaySchemaFile.set(name, file);
    }
    for (const target of fuzzTargets(stack.urls, (name) => gatewaySchemaFile.get(name))) {
      process.stdout.write(`make fuzz: ${target.name} (${target.schema} → ${target.baseUrl})\n`);
      // Accounts of the run's own: an earlier run may have logged out, disabled or deleted the last ones.
      const tokens = await createFuzzAccounts(stack.urls.gateway, stack.userEnvironment, {
        admin: target.admin,
      });
      results.push(await runSchemathesis(target, tokens, options));
    }
  } finally {
    await stack.stop();
  }
  const ok = report(results, stack.crashes(), (performance.now() - started) / 1000);
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`make fuzz failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
