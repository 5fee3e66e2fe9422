import type { MessageKey } from '@/i18n/messages/en';

/**
 * The user service's password policy, checked before sending so the person learns at once:
 * 10 to 128 characters, a letter and a digit or symbol, not containing the address's name.
 */
export function passwordProblem(password: string, email = ''): MessageKey | undefined {
  if (password.length < 10 || password.length > 128) return 'password.length';
  if (!/\p{L}/u.test(password) || !/[^\p{L}]/u.test(password)) return 'password.mix';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local)) return 'password.containsEmail';
  return undefined;
}
