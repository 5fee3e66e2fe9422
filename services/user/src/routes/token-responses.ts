import type { Response } from 'express';
import { ownAccountView } from '../accounts/user-view';
import type { UserRecord } from '../accounts/user-store';
import type { Config } from '../config';
import { setRefreshCookie } from '../http/refresh-cookie';
import type { TokenPair } from '../sessions/session-manager';

/** The browser keeps its refresh token in the httpOnly cookie; other clients take it from the body. */
export function sendSignedIn(
  res: Response,
  config: Config,
  status: number,
  user: UserRecord,
  tokens: TokenPair,
): void {
  setRefreshCookie(res, tokens.refreshToken, refreshCookieOptions(config));
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).json({
    user: ownAccountView(user),
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    tokenType: 'Bearer',
    expiresIn: tokens.expiresIn,
  });
}

export function refreshCookieOptions(config: Config) {
  return { secure: config.NODE_ENV === 'production', maxAgeSeconds: config.REFRESH_TOKEN_TTL_SECONDS };
}
