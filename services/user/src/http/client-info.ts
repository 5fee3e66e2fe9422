import type { Request } from 'express';

/** Where a request came from, as recorded on a session and used by the lockout. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/**
 * The gateway replaces X-Forwarded-For with the one client address it worked out through its
 * trusted proxies, and this service is reachable only from the internal network, so that
 * header is believed here; a direct call (tests, operators) falls back to the socket.
 */
export function clientInfo(req: Request): ClientInfo {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const ip = first || req.socket.remoteAddress || 'unknown';
  return { ip: ip.slice(0, 64), userAgent: (req.headers['user-agent'] ?? '').slice(0, 256) };
}
