import { createHash } from 'node:crypto';
import { SafeHtml, html } from './html';

/** The pages' only stylesheet, inline; the Content-Security-Policy allows exactly this text by its hash. */
const stylesheet = `
:root{color-scheme:light dark;--ink:#101828;--muted:#475467;--line:#d0d5dd;--accent:#6941c6;--paper:#fff}
@media (prefers-color-scheme:dark){:root{--ink:#f2f4f7;--muted:#98a2b3;--line:#344054;--accent:#b692f6;--paper:#0c111d}}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:46rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:2rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem}
.question{color:var(--muted);font-size:1.1rem;margin:0}
ol.timeline{padding-left:1.25rem}ol.timeline li{margin:.5rem 0}
.when{font-weight:600}
dl dt{font-weight:600;margin-top:.75rem}dl dd{margin:0}
a{color:var(--accent)}
.app{display:inline-block;margin:2rem 1.5rem 0 0;font-weight:600}
form{margin-top:1rem;display:grid;gap:.5rem;max-width:24rem}
input,select,textarea,button{font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:.4rem;background:var(--paper);color:var(--ink)}
button{background:var(--accent);color:#fff;border:0;cursor:pointer}
.notice{color:#b42318;font-weight:600}
details{margin-top:3rem;color:var(--muted)}
footer{margin-top:3rem;color:var(--muted);font-size:.9rem}
`;

const styleHash = createHash('sha256').update(stylesheet).digest('base64');
// Ours and constant: it goes in as it is, the element built in one piece so that no whitespace
// from the page template lands inside it: browsers hash exactly the element's text.
const styleElement = new SafeHtml(`<style>${stylesheet}</style>`);

/**
 * The page policy: nothing but this stylesheet, images from this origin, forms posting back
 * here; no scripts at all. It replaces the gateway's API policy for these pages.
 */
export const pageContentSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export interface PageMeta {
  language: string;
  title: string;
  description: string;
  canonicalUrl: string;
  imageUrl?: string;
  imageAlt?: string;
  locale: string;
  siteName: string;
  /** Pages that must never be indexed: protected, gone, missing. */
  noindex?: boolean;
}

/** A whole document: the Open Graph and Twitter card tags, the canonical link, the body. */
export function page(meta: PageMeta, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${meta.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${meta.title}</title>
        <meta name="description" content="${meta.description}" />
        ${meta.noindex ? html`<meta name="robots" content="noindex" />` : ''}
        <link rel="canonical" href="${meta.canonicalUrl}" />
        <meta property="og:type" content="article" />
        <meta property="og:site_name" content="${meta.siteName}" />
        <meta property="og:title" content="${meta.title}" />
        <meta property="og:description" content="${meta.description}" />
        <meta property="og:url" content="${meta.canonicalUrl}" />
        <meta property="og:locale" content="${meta.locale}" />
        ${
          meta.imageUrl
            ? html`<meta property="og:image" content="${meta.imageUrl}" />
                <meta property="og:image:type" content="image/png" />
                <meta property="og:image:width" content="1200" />
                <meta property="og:image:height" content="630" />
                <meta property="og:image:alt" content="${meta.imageAlt ?? meta.title}" />
                <meta name="twitter:image" content="${meta.imageUrl}" />`
            : ''
        }
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content="${meta.title}" />
        <meta name="twitter:description" content="${meta.description}" />
        ${styleElement}
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html> `.value;
}
