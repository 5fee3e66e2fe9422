/** The rules, as one sentence a person can act on; repeated in the contract. */
export const passwordPolicy =
  'A password needs 10 to 128 characters, with at least one letter and one digit or symbol, and must not contain your email address.';

/** The reason a password breaks the policy, or undefined when it is acceptable. */
export function passwordPolicyViolation(password: string, email?: string): string | undefined {
  const length = [...password].length;
  if (length < 10 || length > 128) return passwordPolicy;
  if (!/\p{L}/u.test(password) || !/[^\p{L}]/u.test(password)) return passwordPolicy;
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 3 && password.toLowerCase().includes(localPart)) return passwordPolicy;
  return undefined;
}
