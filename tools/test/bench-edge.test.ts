import { variantEnvironment } from '../src/bench/edge';

describe("make bench-edge's variant gateway (BENCH_EDGE_VARIANT)", () => {
  it('reads NAME=value assignments separated by semicolons, a value keeping its spaces and equals signs', () => {
    expect(variantEnvironment('NODE_OPTIONS=--max-semi-space-size=16 --trace-gc; LOG_LEVEL=warn')).toEqual({
      NODE_OPTIONS: '--max-semi-space-size=16 --trace-gc',
      LOG_LEVEL: 'warn',
    });
    expect(variantEnvironment('NODE_OPTIONS=')).toEqual({ NODE_OPTIONS: '' });
  });

  it('is empty when unset, so no second gateway starts', () => {
    expect(variantEnvironment('')).toEqual({});
    expect(variantEnvironment(' ; ')).toEqual({});
  });

  it('names an assignment it cannot read', () => {
    expect(() => variantEnvironment('--max-semi-space-size=16')).toThrow(
      'BENCH_EDGE_VARIANT has "--max-semi-space-size=16": expected NAME=value',
    );
  });
});
