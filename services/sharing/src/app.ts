import path from 'node:path';
import { type AppDependencies, createServiceApp } from '@what-if/kit';
import express, { type Express } from 'express';
import type { SharingDependencies } from './dependencies';
import { imageRoutes } from './routes/image-routes';
import { internalRoutes } from './routes/internal-routes';
import { ownerRoutes } from './routes/owner-routes';
import { pageRoutes } from './routes/page-routes';
import { reportRoutes } from './routes/report-routes';

/** The page's forms (password, report) post form fields; a password and a note fit in a few kilobytes. */
const formBodies = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });

export function buildApp(deps: AppDependencies & { sharing: SharingDependencies }): Express {
  return createServiceApp({
    ...deps,
    openapiPath: path.join(__dirname, '..', 'openapi.yaml'),
    bodyLimit: '16kb',
    // Parsed before the contract is checked, so the validator sees the forms' fields.
    edge: [(req, res, next) => (req.path.startsWith('/s/') ? formBodies(req, res, next) : next())],
    routes: (app) => {
      app.use(ownerRoutes(deps.sharing));
      app.use(reportRoutes(deps.sharing));
      app.use(imageRoutes(deps.sharing));
      app.use(pageRoutes(deps.sharing));
      app.use(internalRoutes(deps.sharing));
    },
  });
}
