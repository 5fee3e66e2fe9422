import { randomBytes } from 'node:crypto';

/**
 * A share's slug: 9 bytes (72 bits) from the operating system's CSPRNG as base64url, 12
 * URL-safe characters. At a billion live links, guessing one takes about 2^42 tries.
 */
export function newSlug(): string {
  return randomBytes(9).toString('base64url');
}

export const slugPattern = /^[A-Za-z0-9_-]{12}$/;
