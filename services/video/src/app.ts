import path from 'node:path';
import { type AppDependencies, createServiceApp } from '@what-if/kit';
import type { Express } from 'express';
import type { VideoDependencies } from './dependencies';
import { fileRoutes } from './routes/file-routes';
import { purgeRoutes } from './routes/purge-routes';
import { videoRoutes } from './routes/video-routes';

export const openapiPath = path.join(__dirname, '..', 'openapi.yaml');

export function buildApp(deps: AppDependencies & { video: VideoDependencies }): Express {
  return createServiceApp({
    ...deps,
    openapiPath,
    bodyLimit: '16kb',
    routes: (app) => {
      if (deps.video.localStorage) app.use(fileRoutes(deps.video.localStorage, deps.video));
      app.use(videoRoutes(deps.video));
      app.use(purgeRoutes(deps.video));
    },
  });
}
