/**
 * An open load model, as k6's arrival-rate executors drive one: requests leave on a schedule
 * whether or not the earlier ones were answered, so a service that slows down sees requests
 * pile up instead of the rate dropping (a closed loop of fixed connections would hide it).
 */

export interface ArrivalOutcome {
  /** Requests sent. */
  sent: number;
  /** Requests not sent because `maxInFlight` were already waiting (k6's dropped_iterations). */
  dropped: number;
  /** Answers by status (`error` for no answer: refused, reset or timed out). */
  statuses: Record<string, number>;
}

/**
 * Sends `rate` requests per second for `seconds`, evenly spaced (the i-th at (i + ½) / rate s),
 * then waits for the answers still on their way. A rate too low for one request in the window
 * sends none, as an arrival-rate executor would; a request due while `maxInFlight` are still
 * unanswered is dropped and counted, as k6 drops an iteration when its VUs are all busy.
 */
export async function constantArrivals(options: {
  rate: number;
  seconds: number;
  /** Sends one request: its status, or why it was not sent. */
  send: () => Promise<number | string>;
  maxInFlight?: number;
}): Promise<ArrivalOutcome> {
  const { rate, seconds, send } = options;
  const maxInFlight = options.maxInFlight ?? Number.POSITIVE_INFINITY;
  const outcome: ArrivalOutcome = { sent: 0, dropped: 0, statuses: {} };
  let waiting = 0;
  const count = (key: string) => (outcome.statuses[key] = (outcome.statuses[key] ?? 0) + 1);
  const total = Math.floor(rate * seconds + 0.5);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const due = started + ((index + 0.5) / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (waiting >= maxInFlight) {
      outcome.dropped += 1;
      continue;
    }
    outcome.sent += 1;
    waiting += 1;
    inFlight.push(
      send()
        .then(
          (status) => void count(String(status)),
          () => void count('error'),
        )
        .finally(() => (waiting -= 1)),
    );
  }
  const left = started + seconds * 1000 - performance.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  await Promise.all(inFlight);
  return outcome;
}
