import { Agent, type IncomingHttpHeaders, type OutgoingHttpHeaders, request as httpRequest } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { Transform, type TransformCallback } from 'node:stream';
import { type RouteTableEntry, type ServiceName, resolveRoute } from '@what-if/catalog';
import { HttpProblem, type Logger, REQUEST_ID_HEADER, sendProblem } from '@what-if/kit';
import type { Upstreams } from './upstreams';

/** Headers that describe one hop's connection and must not be forwarded (RFC 9110 section 7.6.1). */
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const listed = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name) || listed.has(name)) continue;
    out[name] = value;
  }
  return out;
}

function isEventStream(headers: IncomingHttpHeaders): boolean {
  return (headers['content-type'] ?? '').startsWith('text/event-stream');
}

/**
 * A request that may be sent twice without harm: a safe method, and no body (one was streamed to the
 * first try and is gone; a second try would declare it and never send it).
 */
function replayable(req: Request): boolean {
  const safe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
  return safe && Number(req.headers['content-length'] ?? 0) === 0 && !req.headers['transfer-encoding'];
}

/**
 * Matches a request against the catalog's route table and records the rule for the steps
 * after it (access control, the proxy) and for metrics. Paths no rule claims pass on to 404.
 */
export function routeRequests(routes: readonly RouteTableEntry[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const rule = resolveRoute(routes, req.method, req.path);
    if (rule) {
      res.locals['route'] = rule;
      res.locals['routeTemplate'] = routeLabel(rule);
      res.locals['upstream'] = rule.service;
    }
    next();
  };
}

class BodyTooLarge extends Error {}

/** Passes a body through while counting it, and fails once it passes the limit. */
function limitBody(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new BodyTooLarge(`body over ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
}

function bodyTooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(413, `The request body is larger than the ${maxBytes} bytes the API accepts.`);
}

export interface ProxyOptions {
  upstreams: Upstreams;
  /** The largest body forwarded; checked on Content-Length first, then counted as it streams. */
  maxBodyBytes: number;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  logger: Logger;
}

/** The label a proxied request carries in metrics: the rule, never the raw path. */
function routeLabel(rule: RouteTableEntry): string {
  return rule.exact ? rule.path : `${rule.path}/*`;
}

/**
 * Forwards requests that a catalog route claims to the owning service, streaming bodies
 * both ways without buffering (server-sent events flow as they are written). A client
 * that goes away aborts the upstream request, so the service stops its work too.
 */
export function createProxy(options: ProxyOptions) {
  // Connections to each service are kept and reused: opening one per request would cost more
  // than the proxying itself. The idle pool is sized for a busy replica's concurrency.
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 256, timeout: options.idleTimeoutMs });

  function failure(upstream: ServiceName, error: NodeJS.ErrnoException, timedOut: boolean): HttpProblem {
    if (timedOut) {
      return new HttpProblem(504, `The ${upstream} service did not answer in time.`, {
        type: 'upstream-timeout',
        extensions: { upstream },
      });
    }
    const unreachable = ['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(error.code ?? '');
    return new HttpProblem(
      unreachable ? 503 : 502,
      unreachable
        ? `The ${upstream} service is unavailable right now; try again shortly.`
        : `The ${upstream} service failed to answer.`,
      { type: unreachable ? 'upstream-unavailable' : 'upstream-failed', extensions: { upstream } },
    );
  }

  const handler = (req: Request, res: Response, next: NextFunction): void => {
    const rule = res.locals['route'] as RouteTableEntry | undefined;
    if (!rule) {
      next();
      return;
    }
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    if (declaredLength > options.maxBodyBytes) {
      next(bodyTooLarge(options.maxBodyBytes));
      return;
    }
    const base = options.upstreams.get(rule.service);
    if (!base) {
      next(new HttpProblem(503, `No address is configured for the ${rule.service} service.`));
      return;
    }
    // Concatenated, never resolved: a path like //host/x must not change the target host.
    const target = new URL(`${base}${req.originalUrl}`);
    const headers = forwardable(req.headers);
    headers.host = target.host;
    headers[REQUEST_ID_HEADER] = req.headers[REQUEST_ID_HEADER];
    // The client as the trusted proxies saw it; services trust the gateway's word alone.
    headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
    headers['x-forwarded-proto'] ??= req.protocol;
    headers['x-forwarded-host'] ??= req.headers.host ?? '';

    const send = (attempt: number): void => {
      let timedOut = false;
      const upstreamRequest = httpRequest(target, { method: req.method, headers, agent });

      upstreamRequest.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => {
          timedOut = true;
          upstreamRequest.destroy(new Error(`connect timeout after ${options.connectTimeoutMs} ms`));
        }, options.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      upstreamRequest.setTimeout(options.idleTimeoutMs, () => {
        timedOut = true;
        upstreamRequest.destroy(new Error(`no data for ${options.idleTimeoutMs} ms`));
      });

      upstreamRequest.on('response', (upstreamResponse) => {
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.statusMessage, {
          ...forwardable(upstreamResponse.headers),
          [REQUEST_ID_HEADER]: String(req.headers[REQUEST_ID_HEADER]),
        });
        // A stream's headers go at once, so the client knows it is open before the first event;
        // any other answer's go out with its body, in one write instead of two.
        if (isEventStream(upstreamResponse.headers)) res.flushHeaders();
        upstreamResponse.pipe(res);
        upstreamResponse.on('error', () => res.destroy());
      });

      upstreamRequest.on('error', (error: NodeJS.ErrnoException) => {
        if (res.writableEnded || res.destroyed) return;
        // A pooled connection the service had already closed: a bodiless request is safe to send again.
        if (
          attempt === 0 &&
          upstreamRequest.reusedSocket &&
          !res.headersSent &&
          replayable(req) &&
          !timedOut
        ) {
          send(1);
          return;
        }
        if (res.headersSent) {
          // Mid-stream: the status is gone, so end the exchange and let the client see it cut.
          options.logger.warn({ upstream: rule.service, err: error }, 'upstream failed mid-response');
          res.destroy(error);
          return;
        }
        const problem = failure(rule.service, error, timedOut);
        options.logger.warn({ upstream: rule.service, err: error, status: problem.status }, problem.message);
        sendProblem(req, res, problem);
      });

      // The client left before the answer ended: stop the upstream's work.
      res.on('close', () => {
        if (!res.writableFinished) upstreamRequest.destroy();
      });

      if (attempt > 0) {
        upstreamRequest.end();
        return;
      }
      const counted = limitBody(options.maxBodyBytes);
      counted.on('error', (error) => {
        upstreamRequest.destroy();
        if (!res.headersSent) sendProblem(req, res, bodyTooLarge(options.maxBodyBytes));
        else res.destroy(error);
      });
      req.pipe(counted).pipe(upstreamRequest);
    };
    send(0);
  };

  return { handler, close: () => agent.destroy() };
}
