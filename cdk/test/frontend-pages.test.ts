import { runInNewContext } from 'node:vm';
import { notFoundStatusFunctionCode, pageRequestFunctionCode } from '../src/frontend/page-functions';

type Handler = (event: unknown) => { uri?: string; statusCode?: number; statusDescription?: string };

/** Runs a CloudFront Function's code as CloudFront calls it: a global handler(event). */
function handlerOf(code: string): Handler {
  const sandbox: { handler?: Handler } = {};
  runInNewContext(code, sandbox);
  return sandbox.handler!;
}

describe("CloudFront's page functions", () => {
  const pageRequest = handlerOf(pageRequestFunctionCode());
  const askFor = (uri: string) => pageRequest({ request: { uri, querystring: {}, headers: {} } }).uri;

  test('a page is answered by its exported file, with or without a trailing slash', () => {
    expect(askFor('/')).toBe('/index.html');
    expect(askFor('/vi')).toBe('/vi.html');
    expect(askFor('/en/history')).toBe('/en/history.html');
    expect(askFor('/en/history/')).toBe('/en/history.html');
    expect(askFor('/verify-email')).toBe('/verify-email.html');
  });

  test('an unknown page is the 404 page; files keep their path', () => {
    expect(askFor('/en/no-such-page')).toBe('/404.html');
    expect(askFor('/fr')).toBe('/404.html');
    expect(askFor('/icon.svg')).toBe('/icon.svg');
    expect(askFor('/_next/static/chunks/app-1a2b.js')).toBe('/_next/static/chunks/app-1a2b.js');
  });

  test('the 404 page is answered with status 404, every other answer as it came', () => {
    const notFound = handlerOf(notFoundStatusFunctionCode());
    expect(
      notFound({ request: { uri: '/404.html' }, response: { statusCode: 200, statusDescription: 'OK' } }),
    ).toEqual({
      statusCode: 404,
      statusDescription: 'Not Found',
    });
    expect(
      notFound({ request: { uri: '/en.html' }, response: { statusCode: 200, statusDescription: 'OK' } }),
    ).toEqual({
      statusCode: 200,
      statusDescription: 'OK',
    });
    expect(
      notFound({
        request: { uri: '/404.html' },
        response: { statusCode: 304, statusDescription: 'Not Modified' },
      }).statusCode,
    ).toBe(304);
  });
});
