/**
 * The CI smoke harness's metrics and thresholds against k6's documented semantics
 * (grafana.com/docs/k6/latest/using-k6/thresholds, /using-k6/metrics).
 */
import {
  Registry,
  aggregate,
  evaluateThresholds,
  parseMetricSelector,
  parseThresholdExpression,
  parseThresholds,
  percentile,
} from '../src/k6-smoke/metrics';

function registryWith(): Registry {
  const registry = new Registry();
  registry.declare('http_req_duration', 'trend', 'time');
  registry.declare('http_req_failed', 'rate');
  registry.declare('http_reqs', 'counter');
  registry.declare('vus', 'gauge');
  return registry;
}

describe('threshold expressions', () => {
  it.each([
    ['p(95)<200', 'p(N)', 95, '<', 200],
    ['p(99.9) < 300', 'p(N)', 99.9, '<', 300],
    ['rate<0.01', 'rate', undefined, '<', 0.01],
    ['count>=10', 'count', undefined, '>=', 10],
    ['avg<=5', 'avg', undefined, '<=', 5],
    ['med==1', 'med', undefined, '==', 1],
    ['value===1', 'value', undefined, '===', 1],
    ['max!=0', 'max', undefined, '!=', 0],
    ['min > 2', 'min', undefined, '>', 2],
  ])('reads %s', (source, aggregation, p, operator, value) => {
    expect(parseThresholdExpression(source)).toEqual({
      source,
      aggregation,
      ...(p === undefined ? {} : { percentile: p }),
      operator,
      value,
    });
  });

  it.each(['p95<200', 'rate 0.01', 'p(95)<', 'rate<abc', 'mean<3'])('refuses %s', (source) => {
    expect(() => parseThresholdExpression(source)).toThrow(/failed parsing threshold expression/);
  });
});

describe('thresholds against the declared metrics', () => {
  it('refuses a threshold on a metric the script never declared, naming it', () => {
    expect(() => parseThresholds({ 'http_req_duraton{route:a}': ['p(99)<1'] }, registryWith())).toThrow(
      /no metric name "http_req_duraton" found/,
    );
  });

  it("refuses an aggregation the metric's type does not have, listing those it has", () => {
    expect(() => parseThresholds({ http_req_failed: ['p(95)<1'] }, registryWith())).toThrow(
      /unsupported aggregation method p\(N\) on metric of type rate.*rate/,
    );
    expect(() => parseThresholds({ http_reqs: ['avg<1'] }, registryWith())).toThrow(/count, rate/);
    expect(() => parseThresholds({ vus: ['rate<1'] }, registryWith())).toThrow(/value/);
  });

  it('takes the object form with abortOnFail', () => {
    const [threshold] = parseThresholds(
      { http_reqs: [{ threshold: 'count>0', abortOnFail: true }] },
      registryWith(),
    );
    expect(threshold!.expressions[0]!.abortOnFail).toBe(true);
  });

  it('judges a submetric on the samples carrying every tag of its selector', () => {
    const registry = registryWith();
    registry.add('http_req_duration', 100, { route: 'a', status: '200' });
    registry.add('http_req_duration', 900, { route: 'a', status: '500' });
    registry.add('http_req_duration', 5000, { route: 'b', status: '200' });
    const thresholds = parseThresholds(
      {
        'http_req_duration{route:a}': ['max<1000'],
        'http_req_duration{route:a,status:200}': ['max<200'],
        'http_req_duration{route:b}': ['p(99)<1000'],
      },
      registry,
    );
    expect(
      evaluateThresholds(thresholds, registry, 1).map((outcome) => [outcome.selector, outcome.ok]),
    ).toEqual([
      ['http_req_duration{route:a}', true],
      ['http_req_duration{route:a,status:200}', true],
      ['http_req_duration{route:b}', false],
    ]);
  });

  it('cannot apply a rate threshold without samples (k6 logs it and neither passes nor fails it); an empty trend reads 0', () => {
    const registry = registryWith();
    const thresholds = parseThresholds(
      { http_req_failed: ['rate<0.01'], http_req_duration: ['p(95)<1'] },
      registry,
    );
    expect(evaluateThresholds(thresholds, registry, 1).map((outcome) => outcome.ok)).toEqual([
      undefined,
      true,
    ]);
  });

  it('reads a selector with spaces and quotes as k6 does', () => {
    expect(parseMetricSelector('checks{ check : "a b" }')).toEqual({
      metric: 'checks',
      tags: { check: 'a b' },
    });
    expect(() => parseMetricSelector('checks{check:a')).toThrow(/missing ending bracket/);
  });
});

describe('aggregations', () => {
  it('interpolates percentiles between the closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.99)).toBe(0);
    const hundred = Array.from({ length: 100 }, (_unused, index) => index + 1);
    expect(percentile(hundred, 0.95)).toBeCloseTo(95.05);
  });

  it('counts a rate of non-zero values, a counter per second of the run, and a gauge by its last value', () => {
    expect(aggregate('rate', [1, 0, 0, 1], 1)).toEqual({ rate: 0.5, passes: 2, fails: 2 });
    expect(aggregate('counter', [1, 1, 1, 1], 2)).toEqual({ count: 4, rate: 2 });
    expect(aggregate('gauge', [3, 9, 5], 1)).toEqual({ value: 5, min: 3, max: 9 });
  });

  it('refuses a metric declared again with another type, as k6 does', () => {
    const registry = registryWith();
    expect(registry.declare('http_reqs', 'counter')).toBe(registry.metrics.get('http_reqs'));
    expect(() => registry.declare('http_reqs', 'trend')).toThrow(/already exists as a counter/);
    expect(() => registry.declare('no{braces}', 'trend')).toThrow(/invalid metric name/);
  });
});
