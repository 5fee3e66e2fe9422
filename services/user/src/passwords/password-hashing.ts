import argon2 from 'argon2';

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane. */
const hashingOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashingOptions);
}

export async function passwordMatches(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody knows, verified when the account does not exist or has no
 * password, so that "no such account" costs the same time as "wrong password".
 */
export function createDummyPasswordHash(): Promise<string> {
  return hashPassword(`no account ${Math.random()}`);
}
