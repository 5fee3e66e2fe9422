import type { NextFunction, Request, RequestHandler, Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { pathToRegexp } from 'path-to-regexp';

/*
 * Which contract route a request is on, with every route's matcher compiled once.
 *
 * express-openapi-validator (5.6.2, the newest release, and 6.0.0-alpha.9) finds a request's route
 * by compiling the path-to-regexp matcher of each route in turn, on every request, until one
 * matches: on the user service 88 of the 191 KB a GET /api/v1/users/me allocates (`make
 * bench-validation`; upstream pull request cdimascio/express-openapi-validator#1217, unreleased).
 * The kit hands the validator this lookup instead of its own. It answers as the library's does:
 * the same routes tried in the same order with path-to-regexp's defaults (a trailing slash
 * allowed) and the app's `case sensitive routing` setting, path parameters percent-decoded, 405
 * with `Allow` for a method the path does not have, 404 for a path under the contract's base path
 * that none matches, 400 for a parameter that is not valid percent-encoding (the library's message
 * for that one reads "malformed uri'").
 */

/** What the lookup reads of the validator's OpenApiContext (dist/framework/openapi.context). */
interface ValidatorContext {
  apiDoc: { paths: Record<string, Record<string, unknown> | undefined> };
  /** Express route (`/items/:id`) -> its methods' operations and where it came from; static paths first. */
  expressRouteMap: Record<string, RouteEntry>;
  ignoreUndocumented: boolean;
  useRequestUrl: boolean;
  serial: number;
  isManagedRoute(path: string): boolean;
  shouldIgnoreRoute(path: string): unknown;
}

interface RouteEntry {
  basePath: string;
  _openApiRoute: string;
  [key: string]: unknown;
}

interface ContractDocument {
  paths: Record<string, Record<string, unknown> | undefined>;
}

interface ContractRoute {
  expressRoute: string;
  openApiRoute: string;
  /** The path item's operations by lower-case method, as the validator prepared them. */
  operations: Record<string, unknown>;
  /** The same from the copy the response validator checks answers against. */
  responseOperations: Record<string, unknown> | undefined;
  /** The methods the contract has for the path, for a 405's Allow header. */
  allow: string;
}

interface CompiledRoute {
  route: ContractRoute;
  regexp: RegExp;
  parameterNames: string[];
}

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function contractRoutes(context: ValidatorContext, responseDocument: ContractDocument | undefined) {
  if (typeof context?.expressRouteMap !== 'object' || typeof context.apiDoc?.paths !== 'object') {
    throw new Error(
      'express-openapi-validator handed the route lookup a context it does not know (services/kit/src/openapi-route-lookup.ts)',
    );
  }
  return Object.entries(context.expressRouteMap).map(([expressRoute, entry]): ContractRoute => {
    const openApiRoute = entry._openApiRoute;
    const pathKey = openApiRoute.substring(entry.basePath.length);
    return {
      expressRoute,
      openApiRoute,
      operations: context.apiDoc.paths[pathKey] ?? {},
      responseOperations: responseDocument?.paths[pathKey],
      allow: Object.keys(entry)
        .filter((key) => httpMethods.has(key.toLowerCase()))
        .join(', '),
    };
  });
}

/** The middleware that sets `req.openapi` (the route, its operation, its path parameters) for the validators after it. */
function routeLookup(
  context: ValidatorContext,
  responseDocument: ContractDocument | undefined,
): RequestHandler {
  const routes = contractRoutes(context, responseDocument);
  // Compiled on first use for the app's case sensitivity (an app has one). The library also passes
  // express's `strict routing`, an option path-to-regexp 8 does not have, so it changes nothing.
  const compiled = new Map<boolean, CompiledRoute[]>();
  const matchersFor = (sensitive: boolean): CompiledRoute[] => {
    let matchers = compiled.get(sensitive);
    if (!matchers) {
      matchers = routes.map((route) => {
        const { regexp, keys } = pathToRegexp(route.expressRoute, { sensitive });
        return { route, regexp, parameterNames: keys.map((parameter) => parameter.name) };
      });
      compiled.set(sensitive, matchers);
    }
    return matchers;
  };

  return (req: Request, _res: Response, next: NextFunction): void => {
    const requestPath = req.path.startsWith(req.baseUrl) ? req.path : `${req.baseUrl}/${req.path}`;
    if (context.shouldIgnoreRoute(requestPath)) {
      next();
      return;
    }
    const url = (context.useRequestUrl ? req.url : req.originalUrl).split('?')[0]!;
    const matchers = matchersFor(req.app.enabled('case sensitive routing'));
    for (const { route, regexp, parameterNames } of matchers) {
      const match = regexp.exec(url);
      if (!match) continue;
      const pathParams: Record<string, string> = {};
      try {
        match.slice(1).forEach((value, index) => {
          pathParams[parameterNames[index]!] = decodeURIComponent(value);
        });
      } catch {
        next(
          new OpenApiValidator.error.BadRequest({ path: req.path, message: 'is not valid percent-encoding' }),
        );
        return;
      }
      const method = req.method.toLowerCase();
      const schema = route.operations[method];
      if (!schema) {
        // The path exists but not with this method.
        if (context.ignoreUndocumented) next();
        else
          next(
            new OpenApiValidator.error.MethodNotAllowed({
              path: req.path,
              message: `${req.method} method not allowed`,
              headers: { Allow: route.allow },
            }),
          );
        return;
      }
      const metadata: Record<string, unknown> = {
        expressRoute: route.expressRoute,
        openApiRoute: route.openApiRoute,
        pathParams,
        schema,
        serial: context.serial,
      };
      if (route.responseOperations) metadata['_responseSchema'] = route.responseOperations[method];
      (req as Request & { openapi?: unknown }).openapi = metadata;
      req.params = pathParams;
      next();
      return;
    }
    if (context.isManagedRoute(requestPath) && !context.ignoreUndocumented) {
      next(new OpenApiValidator.error.NotFound({ path: req.path, message: 'not found' }));
      return;
    }
    next();
  };
}

/**
 * Makes the validator that `OpenApiValidator.middleware()` has just built use `routeLookup`. The
 * library keeps that validator as `middleware._oav` and builds its route lookup with its
 * `metadataMiddleware(context, responseApiDoc)` on the first request; a version without either
 * stops every service at start-up here rather than quietly paying the per-request cost again.
 */
export function lookUpRoutesOnce(): void {
  const validator = (OpenApiValidator.middleware as unknown as { _oav?: Record<string, unknown> })._oav;
  if (typeof validator?.['metadataMiddleware'] !== 'function') {
    throw new Error(
      'express-openapi-validator no longer builds its route lookup as this kit expects: see services/kit/src/openapi-route-lookup.ts (does the new version compile its route matchers once? then remove it)',
    );
  }
  validator['metadataMiddleware'] = (
    context: ValidatorContext,
    responseApiDoc: ContractDocument | undefined,
  ) => routeLookup(context, responseApiDoc);
}
