'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from '@/api/client';
import { acceptSignIn } from '@/api/session';
import type { SignedIn } from '@/api/types';
import { Field } from '@/components/Field';
import { ProblemMessage } from '@/components/ProblemMessage';
import { safeNextPath, useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { OAuthButtons } from './OAuthButtons';

export function SignInPage() {
  const { t } = useI18n();
  const path = useLocalePath();
  const router = useRouter();
  const params = useQuery();
  const next = safeNextPath(params?.get('next'), path('/'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      acceptSignIn(await api<SignedIn>('/api/v1/auth/login', { method: 'POST', body: { email, password } }));
      router.push(next);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <div>
      <h1>{t('signIn.heading')}</h1>
      <form className="form" onSubmit={submit}>
        <Field
          id="email"
          label={t('account.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <Field
          id="password"
          label={t('account.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error ? <ProblemMessage error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('signIn.submit')}
          </button>
          <Link href={path('/forgot-password')}>{t('signIn.forgot')}</Link>
        </div>
      </form>
      <OAuthButtons next={next} />
      <p>
        {t('signIn.noAccount')}{' '}
        <Link href={`${path('/sign-up')}${params?.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>
          {t('signIn.createAccount')}
        </Link>
      </p>
    </div>
  );
}
