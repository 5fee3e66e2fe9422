import path from 'node:path';
import { type AppDependencies, createServiceApp } from '@what-if/kit';
import type { Express } from 'express';
import type { UserDependencies } from './dependencies';
import { refuseNulCharacters } from './http/nul-characters';
import { adminRoutes } from './routes/admin-routes';
import { authRoutes } from './routes/auth-routes';
import { internalRoutes } from './routes/internal-routes';
import { oauthRoutes } from './routes/oauth-routes';
import { profileRoutes } from './routes/profile-routes';
import { recoveryRoutes } from './routes/recovery-routes';

export function buildApp(deps: AppDependencies & { user: UserDependencies }): Express {
  return createServiceApp({
    ...deps,
    openapiPath: path.join(__dirname, '..', 'openapi.yaml'),
    // Profiles and sign-ins are small; anything bigger is refused before it is parsed.
    bodyLimit: '16kb',
    routes: (app) => {
      app.use(refuseNulCharacters);
      app.use(authRoutes(deps.user));
      app.use(recoveryRoutes(deps.user));
      app.use(oauthRoutes(deps.user));
      app.use(profileRoutes(deps.user));
      app.use(adminRoutes(deps.user));
      app.use(internalRoutes(deps.user));
    },
  });
}
