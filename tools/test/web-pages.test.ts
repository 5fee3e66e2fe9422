import { readdirSync } from 'node:fs';
import path from 'node:path';
import { frontend, webPageFile, webPagePaths } from '@what-if/catalog';
import { defaultRepoRoot } from '../src/dev/config';

/** The pages the app router defines: a folder per segment, (groups) left out, [lang] per language. */
function appPages(directory: string, segments: string[] = []): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isFile() && /^page\.tsx?$/.test(entry.name)) pages.push(`/${segments.join('/')}`);
    if (!entry.isDirectory()) continue;
    const segment = /^\(.*\)$/.test(entry.name) ? [] : [entry.name];
    pages.push(...appPages(path.join(directory, entry.name), [...segments, ...segment]));
  }
  return pages.flatMap((page) =>
    page.includes('[lang]') ? frontend.languages.map((language) => page.replace('[lang]', language)) : [page],
  );
}

describe("the catalog's list of web pages", () => {
  test('is exactly the pages the web app defines', () => {
    const defined = appPages(path.join(defaultRepoRoot, 'frontend', 'src', 'app'));
    expect([...webPagePaths()].sort()).toEqual(defined.sort());
  });

  test('names the exported file of each page', () => {
    expect(webPageFile('/')).toBe('/index.html');
    expect(webPageFile('/vi/history')).toBe('/vi/history.html');
    expect(webPagePaths()).toContain('/vi');
  });
});
