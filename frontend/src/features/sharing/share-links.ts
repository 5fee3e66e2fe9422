import type { SharePlatform } from '@/api/types';

/** The link with `?via=` naming where it was sent, so the owner's figures can say. */
export function linkVia(url: string, via: SharePlatform): string {
  const link = new URL(url);
  link.searchParams.set('via', via);
  return link.toString();
}

/** Where each platform takes a link to share; the text is the scenario's title. */
export function platformShareUrl(
  platform: 'facebook' | 'x' | 'linkedin' | 'whatsapp' | 'telegram' | 'email',
  url: string,
  text: string,
): string {
  const link = encodeURIComponent(linkVia(url, platform));
  const words = encodeURIComponent(text);
  switch (platform) {
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${link}`;
    case 'x':
      return `https://x.com/intent/post?url=${link}&text=${words}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${link}`;
    case 'whatsapp':
      return `https://wa.me/?text=${words}%20${link}`;
    case 'telegram':
      return `https://t.me/share/url?url=${link}&text=${words}`;
    case 'email':
      return `mailto:?subject=${words}&body=${link}`;
  }
}

export const sharePlatformsWithLinks = [
  'facebook',
  'x',
  'linkedin',
  'whatsapp',
  'telegram',
  'email',
] as const;

/**
 * The same resource on this origin: the service names its images under its public address,
 * which is this site in production (CloudFront routes /s) and the gateway under make dev; the
 * page loads them from its own origin so the content security policy needs no other host.
 */
export function onThisOrigin(url: string): string {
  const parsed = new URL(url, 'http://localhost');
  return `${parsed.pathname}${parsed.search}`;
}

export type ExpiryChoice = 'never' | '1' | '7' | '30';
export const expiryChoices: readonly ExpiryChoice[] = ['never', '1', '7', '30'];

/** An expiry choice as the API takes it: a time that many days from now, or null for never. */
export function expiryFrom(choice: ExpiryChoice, now = Date.now()): string | null {
  if (choice === 'never') return null;
  return new Date(now + Number(choice) * 86_400_000).toISOString();
}
