'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { refreshSession } from '@/api/session';
import { safeNextPath, useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import type { MessageKey } from '@/i18n/messages/en';
import { useLocalePath } from '@/i18n/useLocalePath';
import { providerLabel, takeReturnPath } from './OAuthButtons';

const knownErrors = new Set([
  'invalid_state',
  'unverified_email',
  'invalid_id_token',
  'provider_rejected',
  'account_disabled',
  'identity_taken',
]);

/**
 * Where a provider's sign-in returns (/auth/complete?provider=&outcome= or ?error=): the user
 * service has set the refresh cookie, so one refresh gives this tab its access token.
 */
export function AuthCompletePage() {
  const { t } = useI18n();
  const path = useLocalePath();
  const router = useRouter();
  const params = useQuery();
  const [failed, setFailed] = useState<string>();
  const started = useRef(false);

  useEffect(() => {
    if (!params || started.current) return;
    started.current = true;
    const error = params.get('error');
    if (error) {
      setFailed(knownErrors.has(error) ? error : 'unknown');
      return;
    }
    void refreshSession().then((signedIn) => {
      if (signedIn) router.replace(safeNextPath(takeReturnPath(), path('/')));
      else setFailed('unknown');
    });
  }, [params, path, router]);

  const provider = params?.get('provider');
  return (
    <div>
      <h1>{t('oauth.heading')}</h1>
      {failed ? (
        <div className="problem" role="alert">
          <p>{t(`oauth.error.${failed}` as MessageKey)}</p>
          <Link href={path('/sign-in')}>{t('nav.signIn')}</Link>
        </div>
      ) : (
        <p className="loading" role="status">
          {provider ? t('oauth.finishing', { provider: providerLabel(provider) }) : t('common.loading')}
        </p>
      )}
    </div>
  );
}
