/**
 * The CI smoke harness's metrics: k6's four metric types, submetrics selected by tags, and
 * threshold expressions, with the semantics k6 documents (grafana.com/docs/k6/latest/using-k6/
 * thresholds and /metrics). Only what the loadtest/ scripts use; this is not k6.
 */

export type MetricType = 'counter' | 'gauge' | 'rate' | 'trend';
export type Tags = Readonly<Record<string, string>>;

interface Sample {
  value: number;
  tags: Tags;
}

export interface Metric {
  name: string;
  type: MetricType;
  /** k6's `contains`: time for durations, data for bytes, default otherwise. */
  contains: 'time' | 'data' | 'default';
  samples: Sample[];
}

/** k6's rule for metric names (metrics/registry.go): letters, digits and a few symbols, 1 to 128. */
const metricName = /^[\p{L}\p{N}._ !?/&#()<>%-]{1,128}$/u;

/** The aggregation methods a threshold may use on each type of metric. */
const aggregations: Record<MetricType, readonly string[]> = {
  counter: ['count', 'rate'],
  gauge: ['value'],
  rate: ['rate'],
  trend: ['avg', 'min', 'max', 'med', 'p(N)'],
};

export class Registry {
  readonly metrics = new Map<string, Metric>();

  /**
   * Declares a metric, or returns the one of that name. As in k6, declaring an existing name
   * again with another type or `contains` is an error; so is a name k6 refuses.
   */
  declare(name: string, type: MetricType, contains: Metric['contains'] = 'default'): Metric {
    if (!metricName.test(name)) throw new Error(`invalid metric name "${name}"`);
    const existing = this.metrics.get(name);
    if (existing) {
      if (existing.type !== type || existing.contains !== contains) {
        throw new Error(`metric "${name}" already exists as a ${existing.type} (${existing.contains})`);
      }
      return existing;
    }
    const metric: Metric = { name, type, contains, samples: [] };
    this.metrics.set(name, metric);
    return metric;
  }

  add(name: string, value: number, tags: Tags): void {
    const metric = this.metrics.get(name);
    if (!metric) throw new Error(`metric "${name}" was never declared`);
    if (typeof value !== 'number' || Number.isNaN(value)) {
      throw new Error(`metric "${name}": ${String(value)} is not a number`);
    }
    metric.samples.push({ value, tags });
  }
}

/** `name` or `name{key:value,…}`: the metric and the tags a sample must carry to count. */
export function parseMetricSelector(selector: string): { metric: string; tags: Tags } {
  const open = selector.indexOf('{');
  if (open === -1) return { metric: selector, tags: {} };
  if (!selector.endsWith('}')) {
    throw new Error(
      `"${selector}": missing ending bracket, sub-metric format needs to be 'metric{key:value}'`,
    );
  }
  const tags: Record<string, string> = {};
  for (const pair of selector.slice(open + 1, -1).split(',')) {
    const colon = pair.indexOf(':');
    if (colon === -1) throw new Error(`"${selector}": "${pair}" is not key:value`);
    const key = pair.slice(0, colon).trim();
    const value = pair
      .slice(colon + 1)
      .trim()
      .replace(/^["'](.*)["']$/, '$1');
    if (!key) throw new Error(`"${selector}": a tag has no name`);
    tags[key] = value;
  }
  return { metric: selector.slice(0, open), tags };
}

export function samplesMatching(metric: Metric, tags: Tags): number[] {
  const keys = Object.keys(tags);
  return metric.samples
    .filter((sample) => keys.every((key) => sample.tags[key] === tags[key]))
    .map((sample) => sample.value);
}

/** The percentile of sorted values, interpolating between the closest ranks; 0 when empty. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  if (sorted.length === 1) return sorted[0]!;
  const rank = fraction * (sorted.length - 1);
  const low = sorted[Math.floor(rank)]!;
  const high = sorted[Math.ceil(rank)]!;
  return low + (high - low) * (rank - Math.floor(rank));
}

/**
 * What a threshold can read of a metric's samples. An empty rate has no `rate` (k6 then logs
 * that the threshold cannot be applied and neither passes nor fails it); empty trends and
 * counters read as 0, as in k6.
 */
export function aggregate(
  type: MetricType,
  values: readonly number[],
  durationSeconds: number,
  percentiles: readonly number[] = [],
): Record<string, number> {
  switch (type) {
    case 'counter': {
      const count = values.reduce((sum, value) => sum + value, 0);
      return { count, rate: durationSeconds > 0 ? count / durationSeconds : 0 };
    }
    case 'gauge':
      return values.length === 0
        ? { value: 0, min: 0, max: 0 }
        : { value: values[values.length - 1]!, min: Math.min(...values), max: Math.max(...values) };
    case 'rate': {
      const passes = values.filter((value) => value !== 0).length;
      const fails = values.length - passes;
      return values.length === 0 ? { passes, fails } : { rate: passes / values.length, passes, fails };
    }
    case 'trend': {
      const sorted = [...values].sort((a, b) => a - b);
      const result: Record<string, number> = {
        count: sorted.length,
        avg: sorted.length === 0 ? 0 : sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
        min: sorted[0] ?? 0,
        max: sorted[sorted.length - 1] ?? 0,
        med: percentile(sorted, 0.5),
      };
      for (const p of percentiles) result[`p(${p})`] = percentile(sorted, p / 100);
      return result;
    }
  }
}

export interface ThresholdExpression {
  source: string;
  /** count, rate, value, avg, min, max, med, or p(N) with its N. */
  aggregation: string;
  percentile?: number;
  operator: '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';
  value: number;
}

/** Longer operators first, so `<=` is not read as `<`. */
const operators = ['<=', '<', '>=', '>', '===', '==', '!='] as const;

/** `aggregation operator value`, as k6's threshold grammar has it. */
export function parseThresholdExpression(source: string): ThresholdExpression {
  const operator = operators.find((candidate) => source.includes(candidate));
  if (!operator)
    throw new Error(`failed parsing threshold expression "${source}": malformed threshold expression`);
  const at = source.indexOf(operator);
  const left = source.slice(0, at).trim();
  const right = source.slice(at + operator.length).trim();
  const value = right === '' ? Number.NaN : Number(right);
  if (!Number.isFinite(value)) {
    throw new Error(`failed parsing threshold expression "${source}": "${right}" is not a number`);
  }
  if (['value', 'count', 'rate', 'avg', 'min', 'med', 'max'].includes(left)) {
    return { source, aggregation: left, operator, value };
  }
  const percentileMatch = /^p\((\d+(\.\d+)?)\)$/.exec(left);
  if (!percentileMatch) {
    throw new Error(`failed parsing threshold expression "${source}": unknown aggregation method "${left}"`);
  }
  return { source, aggregation: 'p(N)', percentile: Number(percentileMatch[1]), operator, value };
}

export interface Threshold {
  /** The key of options.thresholds: a metric or submetric. */
  selector: string;
  metric: string;
  tags: Tags;
  expressions: { expression: ThresholdExpression; abortOnFail: boolean }[];
}

/**
 * Parses options.thresholds and checks it against the declared metrics, as k6 does before a
 * run starts: an unknown metric, a malformed expression or an aggregation the metric's type
 * does not have is an error naming the threshold.
 */
export function parseThresholds(thresholds: unknown, registry: Registry): Threshold[] {
  if (thresholds === undefined) return [];
  if (typeof thresholds !== 'object' || thresholds === null)
    throw new Error('options.thresholds must be an object');
  return Object.entries(thresholds as Record<string, unknown>).map(([selector, list]) => {
    const { metric, tags } = parseMetricSelector(selector);
    const declared = registry.metrics.get(metric);
    if (!declared)
      throw new Error(`invalid threshold defined on ${selector}; reason: no metric name "${metric}" found`);
    if (!Array.isArray(list)) throw new Error(`thresholds of ${selector} must be an array`);
    const expressions = list.map((entry: unknown) => {
      const config =
        typeof entry === 'string'
          ? { threshold: entry, abortOnFail: false }
          : (entry as { threshold?: unknown; abortOnFail?: unknown });
      if (typeof config.threshold !== 'string')
        throw new Error(`a threshold of ${selector} has no expression`);
      const expression = parseThresholdExpression(config.threshold);
      if (!aggregations[declared.type].includes(expression.aggregation)) {
        throw new Error(
          `invalid threshold "${expression.source}" applied on metric ${selector}; reason: unsupported aggregation ` +
            `method ${expression.aggregation} on metric of type ${declared.type}. supported aggregation methods for ` +
            `this metric are: ${aggregations[declared.type].join(', ')}`,
        );
      }
      return { expression, abortOnFail: config.abortOnFail === true };
    });
    return { selector, metric, tags, expressions };
  });
}

export interface ThresholdOutcome {
  selector: string;
  source: string;
  /** true passed, false crossed, undefined could not be applied (no samples for a rate). */
  ok: boolean | undefined;
  actual: number | undefined;
  /** On a metric of durations (k6's `contains: time`). */
  timed: boolean;
}

function compare(actual: number, expression: ThresholdExpression): boolean {
  switch (expression.operator) {
    case '<':
      return actual < expression.value;
    case '<=':
      return actual <= expression.value;
    case '>':
      return actual > expression.value;
    case '>=':
      return actual >= expression.value;
    case '==':
    case '===':
      return actual === expression.value;
    case '!=':
      return actual !== expression.value;
  }
}

export function evaluateThresholds(
  thresholds: readonly Threshold[],
  registry: Registry,
  durationSeconds: number,
): ThresholdOutcome[] {
  return thresholds.flatMap((threshold) => {
    const metric = registry.metrics.get(threshold.metric)!;
    const values = samplesMatching(metric, threshold.tags);
    const percentiles = threshold.expressions.flatMap(({ expression }) =>
      expression.percentile === undefined ? [] : [expression.percentile],
    );
    const aggregated = aggregate(metric.type, values, durationSeconds, percentiles);
    return threshold.expressions.map(({ expression }) => {
      const key =
        expression.percentile === undefined ? expression.aggregation : `p(${expression.percentile})`;
      const actual = aggregated[key];
      return {
        selector: threshold.selector,
        source: expression.source,
        ok: actual === undefined ? undefined : compare(actual, expression),
        actual,
        timed: metric.contains === 'time',
      };
    });
  });
}
