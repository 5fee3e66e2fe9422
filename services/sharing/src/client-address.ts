import type { Request } from 'express';

/**
 * The client's address as the gateway saw it. Only the gateway reaches this service, and it
 * replaces X-Forwarded-For with the one address it trusts, which express reads as `req.ip`.
 * It is used for limits and hashed for analytics, never stored.
 */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
