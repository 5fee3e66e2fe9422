import { frontend } from './services';

/**
 * Every page of the web app's static export, as a browser asks for it: the language-free entry
 * pages (the front door and the links mail carries), then each language's pages. CloudFront's
 * page function is generated from this list; a test keeps it equal to frontend/src/app.
 */
export function webPagePaths(): string[] {
  return [
    ...frontend.entryPages,
    ...frontend.languages.flatMap((language) => frontend.pages.map((page) => `/${language}${page}`)),
  ];
}

/** The exported file that answers a page's path: /en/history → /en/history.html, / → /index.html. */
export function webPageFile(pagePath: string): string {
  return pagePath === '/' ? '/index.html' : `${pagePath}.html`;
}
