/** The public addresses of a share, from the origin that serves /s (PUBLIC_API_URL). */
export interface ShareLinks {
  page(slug: string): string;
  ogImage(slug: string): string;
  qrPng(slug: string): string;
  qrSvg(slug: string): string;
  /** What the QR code carries: the page, counted as reached `via=qr`. */
  scanned(slug: string): string;
  /** The web app, for the page's link into it. */
  app: string;
  /** The web app's page that makes a video of a share (it asks a signed-out person to sign in first). */
  makeVideo(slug: string, language: string): string;
  /** Host names that are ours: a referrer from them is not a referring site. */
  ownHosts: ReadonlySet<string>;
}

export function shareLinks(publicApiUrl: string, publicAppUrl: string): ShareLinks {
  const page = (slug: string) => `${publicApiUrl}/s/${slug}`;
  return {
    page,
    ogImage: (slug) => `${page(slug)}/og.png`,
    qrPng: (slug) => `${page(slug)}/qr.png`,
    qrSvg: (slug) => `${page(slug)}/qr.svg`,
    scanned: (slug) => `${page(slug)}?via=qr`,
    app: publicAppUrl,
    makeVideo: (slug, language) => `${publicAppUrl}/${language}/videos?share=${slug}`,
    ownHosts: new Set([new URL(publicApiUrl).hostname, new URL(publicAppUrl).hostname]),
  };
}
