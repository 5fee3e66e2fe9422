import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allowance, commentsPerMinute, perVuShare } from '../../loadtest/lib/allowance';
import { accountRotation } from '../src/capacity/account-rotation';
import { commentsPerMinute as capacityCommentsPerMinute } from '../src/capacity/route-loads';

const repositoryRoot = path.resolve(__dirname, '..', '..');

afterEach(() => jest.restoreAllMocks());

describe("the load tests keep within social's comment limit", () => {
  test('the k6 scripts and make capacity know the limit social enforces', () => {
    const social = readFileSync(
      path.join(repositoryRoot, 'services', 'social', 'src', 'routes', 'comment-routes.ts'),
      'utf8',
    );
    expect(/export const commentsPerMinute = (\d+);/.exec(social)?.[1]).toBe(String(commentsPerMinute));
    expect(capacityCommentsPerMinute).toBe(commentsPerMinute);
  });

  test('a k6 VU takes at most its limit in any 61 s, then takes again as the oldest leaves the window', () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const comments = allowance(3);
    const taken: boolean[] = [];
    for (const step of [0, 10_000, 10_000, 10_000, 30_000, 999, 1]) {
      now += step;
      taken.push(comments.take());
    }
    // At 0, 10 and 20 s: taken; at 30, 60 and 60.999 s: three in the window; at 61 s the first has left.
    expect(taken).toEqual([true, true, true, false, false, false, true]);
  });

  test('VUs sharing an account split its allowance; a VU with an account of its own has all of it', () => {
    expect(perVuShare(10, 4, 4)).toBe(10);
    expect(perVuShare(10, 5, 4)).toBe(5);
    expect(perVuShare(10, 12, 4)).toBe(3);
    expect(perVuShare(10, 40, 2)).toBe(0);
  });

  test('make capacity and autoscale-local take accounts in turn, each at most its limit a minute, and hold back past all of them', () => {
    let now = 0;
    const next = accountRotation(['a', 'b'], 2, () => now);
    const taken = Array.from({ length: 5 }, () => next());
    expect(taken).toEqual(['a', 'b', 'a', 'b', undefined]);
    now = 60_999;
    expect(next()).toBeUndefined();
    now = 61_000;
    expect([next(), next(), next(), next(), next()]).toEqual(['a', 'b', 'a', 'b', undefined]);
  });
});
