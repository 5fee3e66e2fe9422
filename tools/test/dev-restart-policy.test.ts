import { CrashHistory } from '../src/dev/restart-policy';

const policy = { maxCrashes: 4, initialDelayMs: 500, maxDelayMs: 3_000, stableAfterMs: 30_000 };

describe('restarting a crashed service under make dev', () => {
  it('backs off 0.5 s, 1 s, 2 s, then gives up when it keeps crashing straight away', () => {
    const history = new CrashHistory(policy);
    expect(history.decide({ code: 1, upMs: 800 })).toEqual({
      action: 'restart',
      delayMs: 500,
      crash: 1,
      of: 4,
    });
    expect(history.decide({ code: 1, upMs: 900 })).toEqual({
      action: 'restart',
      delayMs: 1_000,
      crash: 2,
      of: 4,
    });
    expect(history.decide({ code: null, upMs: 700 })).toEqual({
      action: 'restart',
      delayMs: 2_000,
      crash: 3,
      of: 4,
    });
    expect(history.decide({ code: 1, upMs: 600 })).toEqual({
      action: 'give-up',
      reason: 'it crashed 4 times in a row',
    });
  });

  it('never waits longer than the longest backoff', () => {
    const history = new CrashHistory({ ...policy, maxCrashes: 10 });
    const delays = Array.from({ length: 8 }, () => {
      const decision = history.decide({ code: 1, upMs: 10 });
      return decision.action === 'restart' ? decision.delayMs : undefined;
    });
    expect(delays).toEqual([500, 1_000, 2_000, 3_000, 3_000, 3_000, 3_000, 3_000]);
  });

  it('counts afresh after a run that lasted long enough to call healthy', () => {
    const history = new CrashHistory(policy);
    history.decide({ code: 1, upMs: 100 });
    history.decide({ code: 1, upMs: 100 });
    history.decide({ code: 1, upMs: 100 });
    expect(history.decide({ code: 1, upMs: 45_000 })).toEqual({
      action: 'restart',
      delayMs: 500,
      crash: 1,
      of: 4,
    });
  });

  it('does not restart a service that refused its configuration (exit 78): it would only fail again', () => {
    const decision = new CrashHistory(policy).decide({ code: 78, upMs: 50 });
    expect(decision).toEqual({
      action: 'give-up',
      reason: 'its configuration is invalid (exit 78); restarting cannot help',
    });
  });
});
