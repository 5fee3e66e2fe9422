/**
 * Runs one k6 script the way `k6 run` would for the iteration-based executors: each VU loads
 * the script in a fresh JavaScript context of its own (the init context), setup() runs once
 * and its data reaches every VU as a JSON copy, each scenario's VUs run their iterations,
 * teardown() gets the same data, thresholds are checked, and handleSummary() writes its
 * files. This is the CI smoke harness, not k6: it runs scripts with 1 VU and 1 iteration
 * to catch a broken request, check or threshold; it measures nothing worth reading.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { type BridgeRequest, type BridgeResponse } from './http-bridge';
import {
  type GroupNode,
  type K6Environment,
  type VuState,
  builtinMetrics,
  durationMs,
  groupNode,
  httpModule,
  k6Module,
  metricsModule,
} from './k6-modules';
import {
  type Threshold,
  type ThresholdOutcome,
  Registry,
  aggregate,
  evaluateThresholds,
  parseMetricSelector,
  parseThresholds,
  samplesMatching,
} from './metrics';

export interface RunOptions {
  script: string;
  /** The script's __ENV, as `k6 run -e NAME=value` gives it. */
  env: Record<string, string>;
  send: (request: BridgeRequest) => BridgeResponse;
  sleep: (milliseconds: number) => void;
  /** Console lines and handleSummary's stdout/stderr. */
  write: (text: string) => void;
  /** Where handleSummary's relative paths land (k6: the working directory). */
  workingDirectory: string;
}

export interface RunResult {
  /** Exceptions in the init context, setup, an iteration, teardown or handleSummary: each fails the smoke. */
  errors: string[];
  thresholds: ThresholdOutcome[];
  iterations: number;
  requests: number;
  checks: { passes: number; fails: number };
  filesWritten: string[];
}

interface Scenario {
  name: string;
  executor: 'per-vu-iterations' | 'shared-iterations';
  vus: number;
  iterations: number;
  exec: string;
}

export type Exports = Record<string, unknown>;

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: false,
};

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The iteration-based executors, which a smoke run uses; the others need k6. */
function scenariosOf(options: Exports): Scenario[] {
  const declared = options['scenarios'] as Record<string, Record<string, unknown>> | undefined;
  if (!declared || Object.keys(declared).length === 0) {
    return [
      {
        name: 'default',
        executor: 'per-vu-iterations',
        vus: Number(options['vus'] ?? 1),
        iterations: Number(options['iterations'] ?? 1),
        exec: 'default',
      },
    ];
  }
  return Object.entries(declared).map(([name, scenario]) => {
    const executor = scenario['executor'];
    if (executor !== 'per-vu-iterations' && executor !== 'shared-iterations') {
      throw new Error(
        `scenario ${name}: the CI smoke harness runs only the per-vu-iterations and shared-iterations ` +
          `executors (got ${String(executor)}); run the smoke profile, or use k6`,
      );
    }
    return {
      name,
      executor,
      vus: Number(scenario['vus'] ?? 1),
      iterations: Number(scenario['iterations'] ?? 1),
      exec: String(scenario['exec'] ?? 'default'),
    };
  });
}

/**
 * Loads a script in a JavaScript context of its own, as k6 loads it for each VU (the init
 * context): the k6 modules bound to `environment`, relative imports as written, no Node
 * modules. `load` loads another of its modules in the same context (instances shared).
 */
export function loadScript(options: {
  script: string;
  env: Record<string, string>;
  environment: K6Environment;
  write: (text: string) => void;
}): { exports: Exports; load: (file: string) => Exports } {
  const { environment } = options;
  const { vu } = environment;
  const scriptPath = path.resolve(options.script);
  const builtins: Record<string, Record<string, unknown>> = {
    k6: k6Module(environment),
    'k6/http': httpModule(environment),
    'k6/metrics': metricsModule(environment),
  };
  const log =
    (level: string) =>
    (...values: unknown[]) =>
      options.write(
        `${level} [VU ${vu.id}] ${values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(' ')}\n`,
      );
  const context = vm.createContext({
    __ENV: options.env,
    console: {
      log: log('INFO'),
      info: log('INFO'),
      debug: log('DEBUG'),
      warn: log('WARN'),
      error: log('ERROR'),
    },
  });
  Object.defineProperty(context, '__VU', { get: () => vu.id });
  Object.defineProperty(context, '__ITER', { get: () => vu.iteration });

  const modules = new Map<string, { exports: Exports }>();
  const load = (file: string): Exports => {
    const cached = modules.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as Exports };
    modules.set(file, module);
    const source = readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: file });
    const wrapper = vm.runInContext(`(function (exports, require, module) {${outputText}\n})`, context, {
      filename: file,
    }) as (exports: Exports, require: (specifier: string) => unknown, module: { exports: Exports }) => void;
    wrapper(module.exports, (specifier) => resolve(file, specifier), module);
    return module.exports;
  };
  const resolve = (from: string, specifier: string): unknown => {
    const builtin = builtins[specifier];
    if (builtin) return { __esModule: true, default: builtin, ...builtin };
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
      // k6 resolves a relative import as written: the extension is part of it.
      return load(path.resolve(path.dirname(from), specifier));
    }
    throw new Error(
      `${path.relative(path.dirname(scriptPath), from)} imports "${specifier}": the CI smoke harness provides ` +
        `only k6, k6/http and k6/metrics (and a k6 script has no Node modules at all)`,
    );
  };
  return { exports: load(scriptPath), load: (file) => load(path.resolve(file)) };
}

export function runScript(options: RunOptions): RunResult {
  const registry = new Registry();
  for (const [name, type, contains] of builtinMetrics) registry.declare(name, type, contains);
  const rootGroup: GroupNode = groupNode('', '');
  const errors: string[] = [];
  const filesWritten: string[] = [];
  const scriptPath = path.resolve(options.script);
  const env = { ...options.env };

  /** A VU: its own context and module instances, as each k6 VU has its own JavaScript runtime. */
  function loadVu(id: number, scenario: string): { vu: VuState; exports: Exports } {
    const vu: VuState = { id, iteration: 0, scenario, groups: [], inInit: true };
    const environment = { registry, rootGroup, vu, send: options.send, sleep: options.sleep };
    const { exports } = loadScript({ script: scriptPath, env, environment, write: options.write });
    vu.inInit = false;
    return { vu, exports };
  }

  const callIn = (what: string, call: () => unknown): unknown => {
    try {
      return call();
    } catch (error) {
      errors.push(`${what}: ${describe(error)}`);
      return undefined;
    }
  };

  let thresholds: Threshold[] = [];
  let scenarios: Scenario[] = [];
  let optionsVu: { vu: VuState; exports: Exports };
  try {
    optionsVu = loadVu(0, '');
    const scriptOptions = (optionsVu.exports['options'] ?? {}) as Exports;
    thresholds = parseThresholds(scriptOptions['thresholds'], registry);
    scenarios = scenariosOf(scriptOptions);
    // Checked as k6 checks them, though a smoke run never waits that long.
    for (const key of ['setupTimeout', 'teardownTimeout']) {
      if (scriptOptions[key] !== undefined) durationMs(scriptOptions[key], key);
    }
    for (const scenario of scenarios) {
      if (typeof optionsVu.exports[scenario.exec] !== 'function') {
        throw new Error(`scenario ${scenario.name}: the script exports no function "${scenario.exec}"`);
      }
    }
  } catch (error) {
    return {
      errors: [`init: ${describe(error)}`],
      thresholds: [],
      iterations: 0,
      requests: 0,
      checks: { passes: 0, fails: 0 },
      filesWritten,
    };
  }

  const started = performance.now();
  // setup() and teardown() run in a VU of their own, __VU 0, as in k6.
  const lifecycleVu = loadVu(0, '');
  const setup = lifecycleVu.exports['setup'];
  // setup()'s answer reaches each VU (and teardown) as a JSON copy, as in k6.
  const jsonCopy = (value: unknown): unknown =>
    value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  const data = typeof setup === 'function' ? callIn('setup()', () => jsonCopy(setup())) : undefined;
  const setupSucceeded = errors.length === 0;

  if (setupSucceeded) {
    let nextVuId = 1;
    for (const scenario of scenarios) {
      const vus = Array.from({ length: scenario.vus }, () => loadVu(nextVuId++, scenario.name));
      const perVu =
        scenario.executor === 'per-vu-iterations'
          ? vus.map(() => scenario.iterations)
          : vus.map(
              (_vu, index) =>
                Math.floor(scenario.iterations / vus.length) +
                (index < scenario.iterations % vus.length ? 1 : 0),
            );
      vus.forEach(({ vu, exports }, index) => {
        for (let iteration = 0; iteration < perVu[index]!; iteration += 1) {
          vu.iteration = iteration;
          vu.groups = [];
          const iterationStarted = performance.now();
          const copy = jsonCopy(data);
          callIn(`scenario ${scenario.name}, VU ${vu.id}, iteration ${iteration}`, () =>
            (exports[scenario.exec] as (data: unknown) => unknown)(copy),
          );
          const tags = { scenario: scenario.name, group: '' };
          registry.add('iteration_duration', performance.now() - iterationStarted, tags);
          registry.add('iterations', 1, tags);
        }
      });
    }
  }

  const teardown = lifecycleVu.exports['teardown'];
  if (typeof teardown === 'function' && setupSucceeded) callIn('teardown()', () => teardown(jsonCopy(data)));
  const durationSeconds = (performance.now() - started) / 1000;
  const outcomes = evaluateThresholds(thresholds, registry, durationSeconds);

  const handleSummary = lifecycleVu.exports['handleSummary'];
  if (typeof handleSummary === 'function') {
    const files = callIn('handleSummary()', () =>
      handleSummary(
        summaryData(registry, thresholds, outcomes, rootGroup, durationSeconds, lifecycleVu.exports, data),
      ),
    ) as Record<string, unknown> | undefined;
    for (const [target, content] of Object.entries(files ?? {})) {
      const text = typeof content === 'string' ? content : JSON.stringify(content);
      if (target === 'stdout' || target === 'stderr') {
        options.write(text.endsWith('\n') ? text : `${text}\n`);
        continue;
      }
      // Like k6, which opens the file and makes no folder: a missing folder is an error.
      const file = path.resolve(options.workingDirectory, target);
      try {
        writeFileSync(file, text);
      } catch (error) {
        errors.push(`handleSummary(): could not open '${target}': ${(error as Error).message}`);
        continue;
      }
      filesWritten.push(file);
    }
  }

  const checks = registry.metrics.get('checks')!.samples;
  return {
    errors,
    thresholds: outcomes,
    iterations: registry.metrics.get('iterations')!.samples.length,
    requests: registry.metrics.get('http_reqs')!.samples.length,
    checks: {
      passes: checks.filter((sample) => sample.value === 1).length,
      fails: checks.filter((sample) => sample.value === 0).length,
    },
    filesWritten,
  };
}

/** The `data` handleSummary receives, in k6's shape, for what the harness measured. */
function summaryData(
  registry: Registry,
  thresholds: readonly Threshold[],
  outcomes: readonly ThresholdOutcome[],
  rootGroup: GroupNode,
  durationSeconds: number,
  exports: Exports,
  setupData: unknown,
): unknown {
  const scriptOptions = (exports['options'] ?? {}) as Exports;
  const trendStats = (scriptOptions['summaryTrendStats'] as string[] | undefined) ?? [
    'avg',
    'min',
    'med',
    'max',
    'p(90)',
    'p(95)',
  ];
  const percentiles = trendStats.flatMap((stat) => {
    const match = /^p\((\d+(\.\d+)?)\)$/.exec(stat);
    return match ? [Number(match[1])] : [];
  });
  const entry = (name: string, selector: string) => {
    const metric = registry.metrics.get(name)!;
    const { tags } = parseMetricSelector(selector);
    const all = aggregate(metric.type, samplesMatching(metric, tags), durationSeconds, percentiles);
    const values =
      metric.type === 'trend'
        ? Object.fromEntries(trendStats.map((stat) => [stat, all[stat] ?? 0]))
        : metric.type === 'rate'
          ? { rate: all['rate'] ?? 0, passes: all['passes'] ?? 0, fails: all['fails'] ?? 0 }
          : all;
    const own = outcomes.filter((outcome) => outcome.selector === selector);
    return {
      type: metric.type,
      contains: metric.contains,
      values,
      ...(own.length > 0
        ? {
            thresholds: Object.fromEntries(
              own.map((outcome) => [outcome.source, { ok: outcome.ok !== false }]),
            ),
          }
        : {}),
    };
  };
  const metrics: Record<string, unknown> = {};
  for (const metric of registry.metrics.values()) {
    if (metric.samples.length > 0) metrics[metric.name] = entry(metric.name, metric.name);
  }
  // As in k6, a metric or submetric with thresholds is in the summary even without samples.
  for (const threshold of thresholds)
    metrics[threshold.selector] = entry(threshold.metric, threshold.selector);
  return {
    root_group: rootGroup,
    options: { summaryTrendStats: trendStats, summaryTimeUnit: '', noColor: false },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: durationSeconds * 1000 },
    metrics,
    setup_data: setupData,
  };
}
