import { nextAttemptDelay } from '../src/report-delivery';

test('retries back off from about a second, doubling, never beyond the cap, spread by jitter', () => {
  const lowest = (attempts: number) => nextAttemptDelay(attempts, 30_000, () => 0);
  const highest = (attempts: number) => nextAttemptDelay(attempts, 30_000, () => 1);
  expect([lowest(0), highest(0)]).toEqual([500, 1_000]);
  expect([lowest(1), highest(1)]).toEqual([1_000, 2_000]);
  expect([lowest(4), highest(4)]).toEqual([8_000, 16_000]);
  // However long social has been down, a report is tried again within 30 s.
  expect([lowest(5), highest(5)]).toEqual([15_000, 30_000]);
  expect([lowest(1_000), highest(1_000)]).toEqual([15_000, 30_000]);
});
