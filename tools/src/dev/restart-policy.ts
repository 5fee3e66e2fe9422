/**
 * When a service under `make dev` crashes after the stack was ready, the launcher restarts it
 * instead of stopping everything: one crash should not cost a developer six running services.
 * Restarts back off (0.5 s, 1 s, 2 s, … up to 8 s); a service that crashes again and again is
 * left stopped with a message, and one that stayed up a while starts counting afresh.
 */
export interface RestartPolicyOptions {
  /** Crashes in a row after which the launcher gives up on the service. */
  maxCrashes: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** A run at least this long was healthy: the crash count starts again from one. */
  stableAfterMs: number;
}

export const defaultRestartPolicy: RestartPolicyOptions = {
  maxCrashes: 5,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  stableAfterMs: 30_000,
};

/** EX_CONFIG: the service refused its configuration; restarting it cannot help. */
const configurationExitCode = 78;

export type RestartDecision =
  { action: 'restart'; delayMs: number; crash: number; of: number } | { action: 'give-up'; reason: string };

export interface CrashFacts {
  code: number | null;
  /** How long the process ran before it ended. */
  upMs: number;
}

/** The crash history of one service. */
export class CrashHistory {
  private inARow = 0;

  constructor(private readonly options: RestartPolicyOptions = defaultRestartPolicy) {}

  decide(crash: CrashFacts): RestartDecision {
    if (crash.code === configurationExitCode) {
      return {
        action: 'give-up',
        reason: `its configuration is invalid (exit ${configurationExitCode}); restarting cannot help`,
      };
    }
    this.inARow = crash.upMs >= this.options.stableAfterMs ? 1 : this.inARow + 1;
    if (this.inARow >= this.options.maxCrashes) {
      return { action: 'give-up', reason: `it crashed ${this.inARow} times in a row` };
    }
    const delayMs = Math.min(this.options.initialDelayMs * 2 ** (this.inARow - 1), this.options.maxDelayMs);
    return { action: 'restart', delayMs, crash: this.inARow, of: this.options.maxCrashes };
  }
}
