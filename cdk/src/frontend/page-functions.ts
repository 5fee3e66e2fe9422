import { webPageFile, webPagePaths } from '@what-if/catalog';

/**
 * The two CloudFront Functions that make the S3 origin answer like the local web server
 * (tools/src/dev/web-server.ts): a page's path is its exported .html file, an unknown page is
 * the 404 page with status 404. Distribution-wide custom error responses cannot do this: they
 * would also replace the API's own 403 and 404 problems, which share the distribution.
 */

/** Viewer request: /en/history → /en/history.html; an unknown page → /404.html; files as they are. */
export function pageRequestFunctionCode(): string {
  const files: Record<string, string> = Object.fromEntries(
    webPagePaths().map((page) => [page, webPageFile(page)]),
  );
  return [
    `var pages = ${JSON.stringify(files)};`,
    'function handler(event) {',
    '  var request = event.request;',
    "  var path = request.uri.length > 1 ? request.uri.replace(/\\/+$/, '') : request.uri;",
    '  if (Object.prototype.hasOwnProperty.call(pages, path)) {',
    '    request.uri = pages[path];',
    '  } else if (!/\\.[A-Za-z0-9]+$/.test(path)) {',
    "    request.uri = '/404.html';",
    '  }',
    '  return request;',
    '}',
  ].join('\n');
}

/** Viewer response: the 404 page is answered as what it is, so crawlers and clients see a 404. */
export function notFoundStatusFunctionCode(): string {
  return [
    'function handler(event) {',
    '  var response = event.response;',
    "  if (event.request.uri === '/404.html' && response.statusCode === 200) {",
    '    response.statusCode = 404;',
    "    response.statusDescription = 'Not Found';",
    '  }',
    '  return response;',
    '}',
  ].join('\n');
}
