import { validationProblem } from '@what-if/kit';
import { boardSortKeyPattern } from '../store/experience';

/**
 * A leaderboard cursor: base64url of where the last page ended (its index sort key), how many
 * entries came before, and the last entry's rank and score, so the next page numbers its ranks
 * on from there (ties share a rank). Like the feeds' cursors it is a place, not a permission.
 */
export interface LeaderboardPosition {
  after: string;
  seen: number;
  rank: number;
  score: number;
}

const version = 1;

export function encodeLeaderboardCursor(position: LeaderboardPosition): string {
  return Buffer.from(JSON.stringify({ v: version, ...position }), 'utf8').toString('base64url');
}

export function decodeLeaderboardCursor(cursor: string): LeaderboardPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const { v, after, seen, rank, score } = (decoded ?? {}) as Record<string, unknown>;
  const counts = [seen, rank, score].every((value) => Number.isSafeInteger(value) && Number(value) >= 0);
  if (v !== version || typeof after !== 'string' || !boardSortKeyPattern.test(after) || !counts) {
    throw validationProblem([
      {
        path: '/query/cursor',
        message: 'is not a cursor this API handed out; start again from the first page',
      },
    ]);
  }
  return { after, seen: Number(seen), rank: Number(rank), score: Number(score) };
}
