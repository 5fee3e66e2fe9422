import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { currentRequestId } from './context';
import { type DependencyFaults, dependencyRetryAfterSeconds } from './dependency-faults';
import type { Logger } from './logging';
import { dependencyUnavailable } from './stores/unavailable';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are stable slugs under /problems/, documented in docs/problems.md. */
export function problemType(slug: string): string {
  return `/problems/${slug}`;
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

const slugs: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  500: 'internal',
  502: 'bad-gateway',
  503: 'unavailable',
  504: 'gateway-timeout',
};

export interface ProblemOptions {
  /** A stable slug for the type; defaults to one per status. */
  type?: string;
  title?: string;
  /** Extension members (RFC 9457 section 3.2), e.g. the invalid fields. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
  cause?: unknown;
}

/** An error the client should see: it becomes a problem+json answer as it stands. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, detail: string, options: ProblemOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpProblem';
    this.status = status;
    this.type = problemType(options.type ?? slugs[status] ?? 'error');
    this.title = options.title ?? titles[status] ?? 'Error';
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId?: string;
  [extension: string]: unknown;
}

/** The problem+json body of a problem answering this request; also what a stream sends as its error event. */
export function problemBody(req: Request, problem: HttpProblem): ProblemBody {
  return {
    ...problem.extensions,
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    instance: req.originalUrl.split('?')[0] ?? req.originalUrl,
    requestId: currentRequestId(),
  };
}

export function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problemBody(req, problem)));
}

/** Enough to fix a request; more would only grow the answer. */
const maxReportedErrors = 20;

/** One thing wrong with a request: where (a JSON pointer such as /body/email or /query/cursor) and what. */
export interface InvalidField {
  path: string;
  message: string;
}

/**
 * The one 400 for a request with invalid fields, whether the contract validator or a
 * handler found them: `type` validation, a detail naming each field, the fields in `errors`.
 */
/** A field as a person reads it: `password`, `scenario.title`, `the query parameter limit`. */
function fieldName(path: string): string {
  const [where = '', ...rest] = path.replace(/^\//, '').split('/');
  const name = rest.join('.');
  if (!name) return where;
  switch (where) {
    case 'body':
      return name;
    case 'query':
      return `the query parameter ${name}`;
    case 'params':
      return `the path parameter ${name}`;
    case 'headers':
      return `the header ${name}`;
    default:
      return `${where}.${name}`;
  }
}

export function validationProblem(errors: readonly InvalidField[]): HttpProblem {
  const invalid = errors.slice(0, maxReportedErrors).map(({ path, message }) => ({ path, message }));
  const summary = invalid
    .map((item) => `${fieldName(item.path)} ${item.message.replace(/[.\s]+$/, '')}`.trim())
    .join('; ');
  return new HttpProblem(400, `The request is invalid: ${summary}.`, {
    type: 'validation',
    title: 'Your request has invalid fields',
    extensions: { errors: invalid },
  });
}

interface ValidatorErrorItem {
  path?: string;
  message?: string;
  errorCode?: string;
}

/**
 * A store the request needed did not answer: 503 with a type naming the store (never its address)
 * and Retry-After, for the client to try again once readiness has had its say.
 */
function dependencyProblem(dependency: string, cause: unknown): HttpProblem {
  return new HttpProblem(
    503,
    `This service cannot reach its ${dependency} store at the moment; try again in a few seconds.`,
    {
      type: `${dependency}-unavailable`,
      extensions: { dependency },
      headers: { 'Retry-After': String(dependencyRetryAfterSeconds) },
      cause,
    },
  );
}

/** Turns what express, body-parser and express-openapi-validator throw into an HttpProblem. */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const dependency = dependencyUnavailable(error);
  if (dependency) return dependencyProblem(dependency, error);
  const candidate = error as {
    status?: unknown;
    statusCode?: unknown;
    type?: unknown;
    errors?: unknown;
    message?: unknown;
    expose?: unknown;
    headers?: unknown;
  };
  const status = Number(candidate.status ?? candidate.statusCode);
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    return new HttpProblem(
      500,
      'The server failed to handle this request; the request id identifies it in our logs.',
      {
        cause: error,
      },
    );
  }
  if (candidate.type === 'entity.too.large') {
    return new HttpProblem(413, 'The request body is larger than this endpoint accepts.');
  }
  if (candidate.type === 'entity.parse.failed') {
    return new HttpProblem(400, 'The request body is not valid JSON.', { type: 'malformed-body' });
  }
  if (Array.isArray(candidate.errors) && status === 400) {
    return validationProblem(
      (candidate.errors as ValidatorErrorItem[]).map((item) => ({
        path: item.path ?? '',
        message: item.message ?? 'is invalid',
      })),
    );
  }
  if (status === 404) return new HttpProblem(404, 'No resource lives at this path.');
  if (status === 415) {
    // The validator says "unsupported media type <type>", or "... undefined" when there was none.
    const sent = /media type (.+)$/.exec(String(candidate.message ?? ''))?.[1];
    const what = !sent || sent === 'undefined' || sent === 'not specified' ? 'no Content-Type' : sent;
    return new HttpProblem(415, `The request body came with ${what}; send it as application/json.`);
  }
  if (status === 405) {
    const allow = (candidate.headers as Record<string, string> | undefined)?.['Allow'];
    return new HttpProblem(
      405,
      'This path does not accept that method.',
      allow ? { headers: { Allow: allow } } : {},
    );
  }
  if (status >= 500) {
    return new HttpProblem(
      status,
      'The server failed to handle this request; the request id identifies it in our logs.',
      {
        cause: error,
      },
    );
  }
  const message =
    typeof candidate.message === 'string' && candidate.expose !== false ? candidate.message : '';
  return new HttpProblem(status, message || (titles[status] ?? 'The request could not be handled.'));
}

/**
 * The last middleware: every error leaves as problem+json, without stacks or internals. A store
 * that did not answer is a dependency fault (`faults` counts and logs it once per burst), any
 * other 5xx a failure logged with its error.
 */
export function problemHandler(logger: Logger, faults?: DependencyFaults): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = toProblem(error);
    const dependency = problem.extensions['dependency'];
    if (problem.status === 503 && typeof dependency === 'string' && faults) {
      faults.record(dependency, error);
      res.locals['unavailableDependency'] = dependency;
    } else if (problem.status >= 500) {
      logger.error({ err: error, path: req.path, method: req.method }, 'request failed');
    }
    sendProblem(req, res, problem);
  };
}

/** For a path of ours asked with a method it does not take: 405 naming the ones it does, in Allow too. */
export function methodNotAllowedHandler(allowed: readonly string[]) {
  return (req: Request, res: Response): void => {
    const methods = allowed.join(', ');
    sendProblem(
      req,
      res,
      new HttpProblem(405, `${req.path} answers only ${methods}, not ${req.method}.`, {
        headers: { Allow: methods },
      }),
    );
  };
}

/** For paths no route claims. */
export function notFoundHandler(req: Request, res: Response): void {
  sendProblem(req, res, new HttpProblem(404, `No resource lives at ${req.method} ${req.path}.`));
}
