import type { Request, Response } from 'express';

/** The browser's copy of its refresh token: httpOnly, sent only to the auth endpoints. */
export const REFRESH_COOKIE = 'whatif_refresh';
const cookiePath = '/api/v1/auth';

export interface RefreshCookieOptions {
  /** Secure is off only where the stack runs over plain http (development, tests). */
  secure: boolean;
  maxAgeSeconds: number;
}

export function setRefreshCookie(res: Response, token: string, options: RefreshCookieOptions): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: options.secure,
    sameSite: 'strict',
    path: cookiePath,
    maxAge: options.maxAgeSeconds * 1000,
  });
}

export function clearRefreshCookie(res: Response, options: Pick<RefreshCookieOptions, 'secure'>): void {
  res.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    secure: options.secure,
    sameSite: 'strict',
    path: cookiePath,
  });
}

/** A cookie's value from the Cookie header (no cookie-parser: two cookies are all this service reads). */
export function cookieValue(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
