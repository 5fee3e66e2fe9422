'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { api } from '@/api/client';
import { Field } from '@/components/Field';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { passwordProblem } from './password-policy';

/** Where the password-reset mail's link lands: /reset-password?token=… */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const path = useLocalePath();
  const params = useQuery();
  const token = params?.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password);
    if (problem) return setFieldError(t(problem));
    if (password !== confirm) return setFieldError(t('password.mismatch'));
    setFieldError(undefined);
    setError(undefined);
    try {
      await api('/api/v1/auth/password-reset/complete', { method: 'POST', body: { token, password } });
      setDone(true);
    } catch (failure) {
      setError(failure);
    }
  };

  if (params && !token) {
    return (
      <div>
        <h1>{t('reset.heading')}</h1>
        <p className="problem" role="alert">
          {t('problem.invalid-link-token')}
        </p>
        <Link href={path('/forgot-password')}>{t('forgot.heading')}</Link>
      </div>
    );
  }
  return (
    <div>
      <h1>{t('reset.heading')}</h1>
      {done ? (
        <div className="success" role="status">
          <p>{t('reset.done')}</p>
          <Link href={path('/sign-in')}>{t('nav.signIn')}</Link>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <Field
            id="new-password"
            label={t('account.newPassword')}
            type="password"
            autoComplete="new-password"
            required
            hint={t('password.rules')}
            error={fieldError}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Field
            id="confirm-password"
            label={t('account.confirmPassword')}
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
          />
          {error ? <ProblemMessage error={error} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('reset.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
