import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
  createServer,
  request as forward,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { edgePaths, frontend } from '@what-if/catalog';

/**
 * The web app as CloudFront serves it, on one origin: the static export (frontend/out) with the
 * same caching and security headers, an extensionless path answered by its .html file, the
 * 404 page for anything else, and the API's public surface (the catalog's edge paths: /api,
 * /s, /health, /openapi.json) forwarded to the gateway as it streams.
 */
export interface WebServerOptions {
  /** The exported site: frontend/out. */
  root: string;
  /** Where the gateway listens, e.g. http://127.0.0.1:<port>. */
  gatewayUrl: string;
  port: number;
  host?: string;
}

export interface RunningWebServer {
  url: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** Content-hashed build output never changes under its name; everything else is revalidated. */
export function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/_next/static/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': frontend.contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export function isApiPath(urlPath: string): boolean {
  return edgePaths().some((edge) =>
    edge.match === 'exact'
      ? urlPath === edge.path
      : urlPath === edge.path || urlPath.startsWith(`${edge.path}/`),
  );
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file a path names: itself, its .html page, or nothing (never outside the root). */
export async function resolvePage(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const trimmed = decoded.replace(/\/+$/, '') || '/';
  const candidates = trimmed === '/' ? ['index.html'] : [trimmed, `${trimmed}.html`, `${trimmed}/index.html`];
  for (const candidate of candidates) {
    const file = path.join(root, path.normalize(candidate));
    if (!file.startsWith(path.resolve(root) + path.sep)) return undefined;
    if (await isFile(file)) return file;
  }
  return undefined;
}

function proxy(gateway: URL, req: IncomingMessage, res: ServerResponse): void {
  const headers: OutgoingHttpHeaders = { ...req.headers, host: gateway.host };
  const upstream = forward(
    { hostname: gateway.hostname, port: gateway.port, method: req.method, path: req.url, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      // Server-sent events must reach the browser as they are written.
      res.flushHeaders();
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(502, { 'content-type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: '/problems/upstream-unavailable',
        title: 'The API is not reachable',
        status: 502,
        detail: `the web server could not reach the gateway at ${gateway.origin}`,
      }),
    );
  });
  // A browser that stops a stream (the Stop button) ends the upstream request too.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await resolvePage(root, urlPath);
  const status = file ? 200 : 404;
  const served = file ?? path.join(root, '404.html');
  const type = contentTypes[path.extname(served)] ?? 'application/octet-stream';
  const headers: OutgoingHttpHeaders = {
    'content-type': type,
    'cache-control': file ? cacheControl(urlPath) : 'no-cache',
    ...(type.startsWith('text/html') ? pageSecurityHeaders : { 'x-content-type-options': 'nosniff' }),
  };
  try {
    headers['content-length'] = (await stat(served)).size;
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(served).pipe(res);
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const gateway = new URL(options.gatewayUrl);
  const root = path.resolve(options.root);
  const server: Server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (isApiPath(urlPath)) proxy(gateway, req, res);
    else
      serveStatic(root, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
