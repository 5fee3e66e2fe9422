import { HttpProblem } from '@what-if/kit';

/** The one answer for a wrong email, a wrong password, or an account without a password. */
export function invalidCredentials(): HttpProblem {
  return new HttpProblem(401, 'The email address or the password is wrong.', { type: 'invalid-credentials' });
}

export function wrongCurrentPassword(): HttpProblem {
  return new HttpProblem(403, 'The current password is wrong.', { type: 'wrong-password' });
}

export function invalidRefreshToken(): HttpProblem {
  return new HttpProblem(401, 'The refresh token is invalid, expired or already used; sign in again.', {
    type: 'invalid-refresh-token',
  });
}

export function invalidOneTimeToken(what: string): HttpProblem {
  return new HttpProblem(400, `The ${what} link is invalid, expired or already used; ask for a new one.`, {
    type: 'invalid-link-token',
  });
}

export function accountDisabled(): HttpProblem {
  return new HttpProblem(403, 'This account is disabled; contact support.', { type: 'account-disabled' });
}

/** Human wording for a lockout's length: "15 minutes", "45 seconds". */
export function describeDuration(totalSeconds: number): string {
  if (totalSeconds >= 120) {
    const minutes = Math.ceil(totalSeconds / 60);
    return `${minutes} minutes`;
  }
  return totalSeconds === 1 ? '1 second' : `${totalSeconds} seconds`;
}

export function signInLocked(retryAfterSeconds: number): HttpProblem {
  return new HttpProblem(
    429,
    `Too many wrong passwords for this account; try again in ${describeDuration(retryAfterSeconds)}, or reset your password.`,
    {
      type: 'sign-in-locked',
      headers: { 'Retry-After': String(retryAfterSeconds) },
      extensions: { retryAfterSeconds },
    },
  );
}
