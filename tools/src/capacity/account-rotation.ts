/**
 * Accounts taken in turn for a route each account may call only so often — a comment: social
 * takes 10 a minute per account — so a load on it stays within the limit instead of measuring
 * 429s. An account is used at most `perMinute` times in any 61 s (a second more than the minute,
 * for the service's clock and the time on the way); when none has allowance left, the request
 * is held back (undefined), as the k6 social reader holds back its comment.
 */
export function accountRotation<Account>(
  accounts: readonly Account[],
  perMinute: number,
  now: () => number = Date.now,
): () => Account | undefined {
  const windowMs = 61_000;
  const used = accounts.map(() => [] as number[]);
  let next = 0;
  return () => {
    const at = now();
    for (let tried = 0; tried < accounts.length; tried += 1) {
      const index = (next + tried) % accounts.length;
      const times = used[index]!;
      while (times.length > 0 && times[0]! <= at - windowMs) times.shift();
      if (times.length < perMinute) {
        times.push(at);
        next = index + 1;
        return accounts[index];
      }
    }
    return undefined;
  };
}
