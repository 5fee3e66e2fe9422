import path from 'node:path';
import { type AppDependencies, createServiceApp } from '@what-if/kit';
import type { Express } from 'express';
import type { SocialDependencies } from './dependencies';
import { commentRoutes } from './routes/comment-routes';
import { discoveryRoutes } from './routes/discovery-routes';
import { engagementRoutes } from './routes/engagement-routes';
import { feedRoutes } from './routes/feed-routes';
import { followRoutes } from './routes/follow-routes';
import { likeRoutes } from './routes/like-routes';
import { notificationRoutes } from './routes/notification-routes';
import { moderationRoutes } from './routes/moderation-routes';
import { postRoutes } from './routes/post-routes';
import { profileBatchRoutes } from './routes/profile-batch-routes';
import { profileRoutes } from './routes/profile-routes';
import { purgeRoutes } from './routes/purge-routes';
import { reportRoutes } from './routes/report-routes';
import { shareSignalRoutes } from './routes/share-signal-routes';

export function buildApp(deps: AppDependencies & { social: SocialDependencies }): Express {
  return createServiceApp({
    ...deps,
    openapiPath: path.join(__dirname, '..', 'openapi.yaml'),
    // Captions and comments are short; nothing social takes is larger than a few kilobytes.
    bodyLimit: '32kb',
    routes: (app) => {
      app.use(followRoutes(deps.social));
      app.use(postRoutes(deps.social));
      app.use(likeRoutes(deps.social));
      app.use(commentRoutes(deps.social));
      app.use(reportRoutes(deps.social));
      app.use(moderationRoutes(deps.social));
      app.use(discoveryRoutes(deps.social));
      app.use(feedRoutes(deps.social));
      app.use(profileRoutes(deps.social));
      app.use(profileBatchRoutes(deps.social));
      app.use(purgeRoutes(deps.social));
      app.use(shareSignalRoutes(deps.social));
      app.use(engagementRoutes(deps.social));
      app.use(notificationRoutes(deps.social));
    },
  });
}
