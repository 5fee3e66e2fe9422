import { reservedUsernamePrefixes, reservedUsernames } from './reserved-usernames';

/** A username as stored: 3 to 30 of a-z, 0-9 and _, lower case (so uniqueness ignores case). */
export const usernamePattern = /^[a-z0-9_]{3,30}$/;

/** Folds a typed username to its stored form: surrounding space and a leading @ dropped, lower case. */
export function normalizeUsername(typed: string): string {
  return typed.trim().replace(/^@/, '').toLowerCase();
}

/** The rule a username breaks, as a sentence for the 400 answer; undefined when it is acceptable. */
export function usernameViolation(username: string): string | undefined {
  if (username.length < 3 || username.length > 30)
    return `must have 3 to 30 characters (it has ${username.length})`;
  if (!usernamePattern.test(username)) return 'may hold only the letters a-z, digits 0-9 and _';
  if (/^\d+$/.test(username)) return 'must hold at least one letter or _ (digits alone look like an id)';
  if (reservedUsernames.includes(username)) return `"${username}" is reserved`;
  const prefix = reservedUsernamePrefixes.find((reserved) => username.startsWith(reserved));
  if (prefix) return `may not start with "${prefix}", which is reserved`;
  return undefined;
}
