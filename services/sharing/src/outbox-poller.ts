import type { Logger } from '@what-if/kit';

/** Runs an outbox's delivery passes: one at a time, every `pollMs`, and at once when nudged. */
export interface OutboxPoller {
  /** Starts: a pass at once, then one every `pollMs` after the last ended. */
  start(): void;
  /** Something new waits: run a pass now rather than at the next poll. */
  nudge(): void;
  /** One pass over what is due, after any pass under way; resolves with how many were delivered. */
  runDue(): Promise<number>;
  /** Stops polling and waits for a pass under way. */
  stop(): Promise<void>;
}

export function createOutboxPoller(options: {
  pass: () => Promise<number>;
  pollMs: number;
  logger: Logger;
  /** What the log says when a pass fails (the outbox could not be read). */
  failure: string;
}): OutboxPoller {
  const { pass, pollMs, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopped = true;
  let again = false;
  let current: Promise<number> = Promise.resolve(0);

  function schedule(delayMs: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  function run() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    current = pass()
      .catch((error: unknown) => {
        logger.error({ err: error }, options.failure);
        return 0;
      })
      .finally(() => {
        running = false;
        const repeat = again;
        again = false;
        schedule(repeat ? 0 : pollMs);
      });
  }

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    nudge() {
      if (!stopped) schedule(0);
    },
    async runDue() {
      if (running) await current;
      return pass();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
