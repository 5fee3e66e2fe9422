'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { api } from '@/api/client';
import { ApiProblem } from '@/api/problem';
import { refreshSession } from '@/api/session';
import { useSession } from '@/api/useSession';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';

/** Where the verification mail's link lands: /verify-email?token=…, posted back once. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const path = useLocalePath();
  const params = useQuery();
  const session = useSession();
  const [outcome, setOutcome] = useState<'pending' | 'verified' | 'already' | 'failed'>('pending');
  const [error, setError] = useState<unknown>();
  const sent = useRef(false);

  useEffect(() => {
    if (!params || sent.current) return;
    sent.current = true;
    const token = params.get('token');
    if (!token) {
      setOutcome('failed');
      setError(new ApiProblem({ type: '/problems/invalid-link-token', status: 400 }));
      return;
    }
    api('/api/v1/auth/email-verification', { method: 'POST', body: { token } }).then(
      () => {
        setOutcome('verified');
        // A signed-in tab learns the new state of its account.
        if (session.status === 'signed-in') void refreshSession();
      },
      (failure: unknown) => {
        if (failure instanceof ApiProblem && failure.kind === 'already-verified') setOutcome('already');
        else {
          setOutcome('failed');
          setError(failure);
        }
      },
    );
  }, [params, session.status]);

  return (
    <div>
      <h1>{t('verify.heading')}</h1>
      {outcome === 'pending' ? (
        <p className="loading" role="status">
          {t('verify.checking')}
        </p>
      ) : null}
      {outcome === 'verified' ? (
        <p className="success" role="status">
          {t('verify.done')}
        </p>
      ) : null}
      {outcome === 'already' ? (
        <p className="success" role="status">
          {t('verify.already')}
        </p>
      ) : null}
      {outcome === 'failed' ? <ProblemMessage error={error} /> : null}
      {outcome !== 'pending' ? (
        <p>
          <Link href={path('/')}>{t('verify.continue')}</Link>
        </p>
      ) : null}
    </div>
  );
}
