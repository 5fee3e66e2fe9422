import { createHmac } from 'node:crypto';
import { isbot } from 'isbot';

/** The platforms a link can say it was shared through (`?via=`). */
export const sharePlatforms = [
  'facebook',
  'x',
  'linkedin',
  'whatsapp',
  'telegram',
  'email',
  'copy',
  'qr',
  'other',
] as const;
export type SharePlatform = (typeof sharePlatforms)[number];

/** The UTC day of a moment, YYYY-MM-DD: views are unique per visitor per such day. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A visitor for one day: HMAC-SHA256 under the deployment's key of the day, the client address
 * and the User-Agent. The address is never stored; the same person is a different value the
 * next day, and without the key no value can be tied back to an address.
 */
export function visitorOfTheDay(key: Buffer, day: string, ip: string, userAgent: string): string {
  return createHmac('sha256', key)
    .update(`visitor\n${day}\n${ip}\n${userAgent}`)
    .digest('base64url')
    .slice(0, 32);
}

/** Crawlers, link expanders and scripts: not counted (their own User-Agent says so). */
export function isAutomated(userAgent: string | undefined): boolean {
  return !userAgent || isbot(userAgent);
}

/** `?via=` as one of the platforms; anything else sent counts as `other`, nothing sent as none. */
export function platformOf(via: unknown): SharePlatform | undefined {
  if (typeof via !== 'string' || via === '') return undefined;
  return (sharePlatforms as readonly string[]).includes(via) ? (via as SharePlatform) : 'other';
}

/**
 * The referring site's host name, lower case, without `www.`: only the domain is kept, never
 * the path or query (which can carry personal data). None for our own pages or a bad header.
 */
export function referrerDomain(
  referer: string | undefined,
  ownHosts: ReadonlySet<string>,
): string | undefined {
  if (!referer) return undefined;
  let host: string;
  try {
    const url = new URL(referer);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    host = url.hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (ownHosts.has(host)) return undefined;
  const domain = host.replace(/^www\./, '');
  return /^[a-z0-9.-]{1,253}$/.test(domain) || /^\[[0-9a-f:.]+\]$/.test(domain) ? domain : undefined;
}

/** An ISO 3166-1 alpha-2 country from the edge's header; anything else (XX, T1, garbage) is none. */
export function countryOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const code = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && code !== 'XX' ? code : undefined;
}

/** A client address as limits count it: keyed, so the stored value cannot be turned back into the address. */
export function clientFingerprint(key: Buffer, ip: string): string {
  return createHmac('sha256', key).update(`client\n${ip}`).digest('base64url').slice(0, 32);
}

/**
 * A signed-in viewer as the password limits count them when a service opens a share on their
 * behalf (video): keyed like an address, and never equal to one, so the two kinds never share a count.
 */
export function viewerFingerprint(key: Buffer, viewerId: string): string {
  return createHmac('sha256', key).update(`viewer\n${viewerId}`).digest('base64url').slice(0, 32);
}
