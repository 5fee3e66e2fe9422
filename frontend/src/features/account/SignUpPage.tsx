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
import { passwordProblem } from './password-policy';

export function SignUpPage() {
  const { t } = useI18n();
  const path = useLocalePath();
  const router = useRouter();
  const params = useQuery();
  const next = safeNextPath(params?.get('next'), path('/'));
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password, email);
    setPasswordError(problem ? t(problem) : undefined);
    if (problem) return;
    setBusy(true);
    setError(undefined);
    try {
      acceptSignIn(
        await api<SignedIn>('/api/v1/auth/register', {
          method: 'POST',
          body: { email, password, displayName: displayName.trim() },
        }),
      );
      router.push(`${path('/account')}?welcome=1&next=${encodeURIComponent(next)}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <div>
      <h1>{t('signUp.heading')}</h1>
      <p className="lede">{t('signUp.lede')}</p>
      <form className="form" onSubmit={submit}>
        <Field
          id="display-name"
          label={t('account.displayName')}
          autoComplete="nickname"
          required
          maxLength={80}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
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
          autoComplete="new-password"
          required
          hint={t('password.rules')}
          error={passwordError}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error ? <ProblemMessage error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('signUp.submit')}
          </button>
        </div>
      </form>
      <p>
        {t('signUp.haveAccount')} <Link href={path('/sign-in')}>{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}
