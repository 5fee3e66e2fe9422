'use client';

import { useState, type FormEvent } from 'react';
import { api } from '@/api/client';
import { Field } from '@/components/Field';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api('/api/v1/auth/password-reset', { method: 'POST', body: { email } });
      setSent(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div>
      <h1>{t('forgot.heading')}</h1>
      {sent ? (
        <p className="success" role="status">
          {t('forgot.sent', { email })}
        </p>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>{t('forgot.lede')}</p>
          <Field
            id="email"
            label={t('account.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          {error ? <ProblemMessage error={error} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('forgot.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
