'use client';

import { useEffect, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { restoreSession } from '@/api/session';
import { hasRole, useSession } from '@/api/useSession';
import type { Role } from '@/api/types';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';

/** Restores the session from the refresh cookie once per page load. */
export function SessionBootstrap() {
  useEffect(() => restoreSession(), []);
  return null;
}

/** Where to come back to after signing in: the current path and query. */
export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/**
 * Shows its children to a signed-in person; anyone else goes to sign in, and comes back here
 * afterwards. With `role` (or several, any of which will do), a signed-in person without it is told so.
 */
export function RequireSession({ children, role }: { children: ReactNode; role?: Role | Role[] }) {
  const session = useSession();
  const router = useRouter();
  const path = useLocalePath();
  const { t } = useI18n();
  useEffect(() => {
    if (session.status === 'signed-out') {
      router.replace(`${path('/sign-in')}?next=${encodeURIComponent(currentPath())}`);
    }
  }, [session.status, router, path]);
  if (session.status !== 'signed-in') {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (role && ![role].flat().some((one) => hasRole(session, one))) {
    return (
      <div className="notice" role="alert">
        <p>{t('common.notAllowed')}</p>
      </div>
    );
  }
  return <>{children}</>;
}
