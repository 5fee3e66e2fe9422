/** The rules (repeated in the contract): 10 to 128 characters, a letter and a digit or symbol, not the address's name part. */
/**
 * The name part of an address counts only from this length: a short one ("bob") turns up in
 * ordinary words ("Bobby"), and refusing those would only confuse.
 */
const shortestTellingLocalPart = 5;

/**
 * What is wrong with a password, said after the field's name ("password must …"), or undefined
 * when it is acceptable.
 */
export function passwordPolicyViolation(password: string, email?: string): string | undefined {
  const length = [...password].length;
  if (length < 10 || length > 128) return `must have 10 to 128 characters (it has ${length})`;
  if (!/\p{L}/u.test(password) || !/[^\p{L}]/u.test(password)) {
    return 'must have at least one letter and at least one digit or symbol';
  }
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (
    localPart &&
    localPart.length >= shortestTellingLocalPart &&
    password.toLowerCase().includes(localPart)
  ) {
    return `must not contain the name part of your email address ("${localPart}")`;
  }
  return undefined;
}
