import argon2 from 'argon2';

/** OWASP's argon2id baseline, as for account passwords: 19 MiB, two passes, one lane. */
const hashingOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSharePassword(password: string): Promise<string> {
  return argon2.hash(password, hashingOptions);
}

export async function verifySharePassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
