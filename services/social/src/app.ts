import path from 'node:path';
import { type AppDependencies, createServiceApp } from '@what-if/kit';
import type { Express } from 'express';
import type { SocialDependencies } from './dependencies';
import { feedRoutes } from './routes/feed-routes';
import { followRoutes } from './routes/follow-routes';
import { postRoutes } from './routes/post-routes';
import { profileRoutes } from './routes/profile-routes';

export function buildApp(deps: AppDependencies & { social: SocialDependencies }): Express {
  return createServiceApp({
    ...deps,
    openapiPath: path.join(__dirname, '..', 'openapi.yaml'),
    // Captions and comments are short; nothing social sends is larger than a few kilobytes.
    bodyLimit: '32kb',
    routes: (app) => {
      app.use(followRoutes(deps.social));
      app.use(postRoutes(deps.social));
      app.use(feedRoutes(deps.social));
      app.use(profileRoutes(deps.social));
    },
  });
}
