import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { parse } from 'yaml';
import { lookUpRoutesOnce } from './openapi-route-lookup';

/** An OpenAPI 3 document as parsed; the validator checks its shape when it loads it. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, unknown>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const commonFragmentPath = path.join(__dirname, '..', 'openapi', 'common.yaml');

/**
 * Reads a service's openapi.yaml and merges in the kit's shared paths and components
 * (health, metrics, this document, Problem), so no service repeats them.
 */
export function loadOpenApiDocument(specPath: string): OpenApiDocument {
  const document = parse(readFileSync(specPath, 'utf8')) as OpenApiDocument;
  const common = parse(readFileSync(commonFragmentPath, 'utf8')) as Pick<
    OpenApiDocument,
    'paths' | 'components'
  >;
  const components: Record<string, Record<string, unknown>> = { ...document.components };
  for (const [section, entries] of Object.entries(common.components ?? {})) {
    components[section] = { ...entries, ...components[section] };
  }
  return { ...document, paths: { ...common.paths, ...document.paths }, components };
}

export interface ValidationOptions {
  /** Check responses against the contract too; on in tests, so a drifting handler fails them. */
  validateResponses: boolean;
}

/** Request (and optionally response) validation against the contract. */
export function openApiValidation(document: OpenApiDocument, options: ValidationOptions): RequestHandler[] {
  const handlers = OpenApiValidator.middleware({
    // The validator mutates the document it is given; keep the served copy pristine.
    apiSpec: structuredClone(document) as never,
    // Every invalid field in one answer; bodies are size-limited first, which bounds the work.
    validateRequests: { allowUnknownQueryParameters: false, allErrors: true },
    validateResponses: options.validateResponses ? { removeAdditional: false } : false,
    validateSecurity: false,
  }) as unknown as RequestHandler[];
  // Its own lookup compiles every route's matcher on every request.
  lookUpRoutesOnce();
  return handlers;
}
