'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import useSWR from 'swr';
import { api, fetcher } from '@/api/client';
import { forgetSession, updateUser } from '@/api/session';
import type { Identity, Me, OAuthProvider, Page, Session } from '@/api/types';
import { announce } from '@/components/Announcer';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { ProblemMessage } from '@/components/ProblemMessage';
import { RequireSession } from '@/components/SessionGate';
import { safeNextPath, useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { providerLabel } from './OAuthButtons';
import { passwordProblem } from './password-policy';

export function AccountPage() {
  return (
    <RequireSession>
      <Account />
    </RequireSession>
  );
}

function Account() {
  const { t } = useI18n();
  const params = useQuery();
  const path = useLocalePath();
  const me = useSWR<Me>('/api/v1/users/me', fetcher);
  const welcome = params?.get('welcome') === '1';
  const linked = params?.get('linked');
  const linkError = params?.get('error');

  return (
    <div>
      <h1>{t('account.heading')}</h1>
      {welcome ? (
        <div className="success" role="status">
          <p>{t('account.welcome')}</p>
          <Link href={safeNextPath(params?.get('next'), path('/'))}>{t('account.welcomeContinue')}</Link>
        </div>
      ) : null}
      {linked ? (
        <p className="success" role="status">
          {t('account.linked', { provider: providerLabel(linked) })}
        </p>
      ) : null}
      {linkError ? (
        <p className="problem" role="alert">
          {t('account.linkFailed')}
        </p>
      ) : null}
      {me.error ? <ProblemMessage error={me.error} /> : null}
      {me.data ? (
        <>
          <EmailSection me={me.data} onChange={() => void me.mutate()} />
          <ProfileSection me={me.data} onSaved={(next) => void me.mutate(next, { revalidate: false })} />
          {me.data.hasPassword ? <PasswordSection /> : null}
          <SignInMethods />
          <SessionsSection />
          <SignOutSection />
          <DeleteSection email={me.data.email} />
        </>
      ) : (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
    </div>
  );
}

function EmailSection({ me, onChange }: { me: Me; onChange: () => void }) {
  const { t } = useI18n();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  const resend = async () => {
    setError(undefined);
    try {
      await api('/api/v1/auth/email-verification/resend', { method: 'POST' });
      setNotice(t('account.verificationSent', { email: me.email }));
    } catch (failure) {
      setError(failure);
    }
  };
  const change = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api('/api/v1/users/me/email', {
        method: 'POST',
        body: { newEmail, ...(me.hasPassword ? { currentPassword: password } : {}) },
      });
      setNotice(t('account.emailChangeSent', { email: newEmail }));
      setNewEmail('');
      setPassword('');
      onChange();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="email-heading">
      <h2 id="email-heading">{t('account.emailHeading')}</h2>
      <p>
        {me.email} —{' '}
        {me.emailVerified ? (
          <strong>{t('account.verified')}</strong>
        ) : (
          <>
            <strong>{t('account.notVerified')}</strong>{' '}
            <button type="button" className="link-button" onClick={resend}>
              {t('account.resend')}
            </button>
          </>
        )}
      </p>
      {me.pendingEmail ? <p>{t('account.pendingEmail', { email: me.pendingEmail })}</p> : null}
      {notice ? (
        <p className="success" role="status">
          {notice}
        </p>
      ) : null}
      <form onSubmit={change}>
        <Field
          id="new-email"
          label={t('account.newEmail')}
          type="email"
          autoComplete="email"
          required
          value={newEmail}
          onChange={(event) => setNewEmail(event.target.value)}
        />
        {me.hasPassword ? (
          <Field
            id="email-password"
            label={t('account.currentPassword')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        ) : null}
        {error ? <ProblemMessage error={error} /> : null}
        <button type="submit" className="button">
          {t('account.changeEmail')}
        </button>
      </form>
    </section>
  );
}

function ProfileSection({ me, onSaved }: { me: Me; onSaved: (me: Me) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState(me.username ?? '');
  const [displayName, setDisplayName] = useState(me.displayName);
  const [bio, setBio] = useState(me.bio);
  const [avatarUrl, setAvatarUrl] = useState(me.avatarUrl ?? '');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const handle = username.trim().replace(/^@/, '').toLowerCase();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      const next = await api<Me>('/api/v1/users/me', {
        method: 'PATCH',
        body: {
          // Sent only when changed: the service stores it lower case, without a leading @.
          ...(handle && handle !== me.username ? { username: handle } : {}),
          displayName: displayName.trim(),
          bio,
          avatarUrl: avatarUrl.trim() || null,
        },
      });
      updateUser(next);
      onSaved(next);
      // As stored: lower case, without the @.
      setUsername(next.username ?? '');
      setSaved(true);
      announce(t('account.profileSaved'));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('account.profileHeading')}</h2>
      <form onSubmit={save}>
        <Field
          id="profile-username"
          label={t('account.username')}
          hint={t('account.usernameHint')}
          maxLength={31}
          autoComplete="nickname"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <Field
          id="profile-name"
          label={t('account.displayName')}
          required
          maxLength={80}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <div className="field">
          <label htmlFor="profile-bio">{t('account.bio')}</label>
          <textarea
            id="profile-bio"
            rows={3}
            maxLength={500}
            value={bio}
            onChange={(event) => setBio(event.target.value)}
          />
        </div>
        <Field
          id="profile-avatar"
          label={t('account.avatarUrl')}
          type="url"
          hint={t('account.avatarHint')}
          value={avatarUrl}
          onChange={(event) => setAvatarUrl(event.target.value)}
        />
        {error ? <ProblemMessage error={error} /> : null}
        {saved ? <p className="success">{t('account.profileSaved')}</p> : null}
        <button type="submit" className="button button-primary">
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

function PasswordSection() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);

  const change = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(next);
    setFieldError(problem ? t(problem) : undefined);
    if (problem) return;
    setError(undefined);
    setDone(false);
    try {
      await api('/api/v1/users/me/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      });
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.passwordHeading')}</h2>
      <form onSubmit={change}>
        <Field
          id="current-password"
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <Field
          id="changed-password"
          label={t('account.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('password.rules')}
          error={fieldError}
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        {error ? <ProblemMessage error={error} /> : null}
        {done ? (
          <p className="success" role="status">
            {t('account.passwordChanged')}
          </p>
        ) : null}
        <button type="submit" className="button">
          {t('account.changePassword')}
        </button>
      </form>
    </section>
  );
}

function SignInMethods() {
  const { t, date } = useI18n();
  const identities = useSWR<{ items: Identity[] }>('/api/v1/users/me/identities', fetcher);
  const providers = useSWR<{ items: OAuthProvider[] }>('/api/v1/auth/oauth/providers', fetcher);
  const [error, setError] = useState<unknown>();
  const linkedNames = new Set((identities.data?.items ?? []).map((identity) => identity.provider));
  const unlinked = (providers.data?.items ?? []).filter((provider) => !linkedNames.has(provider.name));

  const link = async (provider: string) => {
    setError(undefined);
    try {
      const { authorizationUrl } = await api<{ authorizationUrl: string }>(
        `/api/v1/users/me/identities/${encodeURIComponent(provider)}`,
        { method: 'POST' },
      );
      window.location.assign(authorizationUrl);
    } catch (failure) {
      setError(failure);
    }
  };
  const unlink = async (provider: string) => {
    setError(undefined);
    try {
      await api(`/api/v1/users/me/identities/${encodeURIComponent(provider)}`, { method: 'DELETE' });
      await identities.mutate();
    } catch (failure) {
      setError(failure);
    }
  };

  if ((providers.data?.items.length ?? 0) === 0 && (identities.data?.items.length ?? 0) === 0) return null;
  return (
    <section className="card" aria-labelledby="methods-heading">
      <h2 id="methods-heading">{t('account.methodsHeading')}</h2>
      <ul className="item-list">
        {(identities.data?.items ?? []).map((identity) => (
          <li key={identity.provider} className="item">
            <div className="item-main">
              <p className="item-title">{providerLabel(identity.provider)}</p>
              <p className="item-meta">
                {identity.email ?? ''} · {t('account.linkedOn', { date: date(identity.linkedAt) })}
              </p>
            </div>
            <button
              type="button"
              className="button button-small"
              onClick={() => void unlink(identity.provider)}
            >
              {t('account.unlink', { provider: providerLabel(identity.provider) })}
            </button>
          </li>
        ))}
      </ul>
      <div className="row-actions">
        {unlinked.map((provider) => (
          <button
            key={provider.name}
            type="button"
            className="button"
            onClick={() => void link(provider.name)}
          >
            {t('account.link', { provider: providerLabel(provider.name) })}
          </button>
        ))}
      </div>
      {error ? <ProblemMessage error={error} /> : null}
    </section>
  );
}

function SessionsSection() {
  const { t, dateTime } = useI18n();
  const sessions = useSWR<Page<Session>>('/api/v1/auth/sessions?limit=50', fetcher);
  const [error, setError] = useState<unknown>();

  const end = async (id: string) => {
    setError(undefined);
    try {
      await api(`/api/v1/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
      await sessions.mutate();
      announce(t('account.sessionEnded'));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('account.sessionsHeading')}</h2>
      {sessions.data ? (
        <ul className="item-list">
          {sessions.data.items.map((session) => (
            <li key={session.id} className="item">
              <div className="item-main">
                <p className="item-title">
                  {session.userAgent || t('account.unknownDevice')}
                  {session.current ? ` (${t('account.thisDevice')})` : ''}
                </p>
                <p className="item-meta">
                  {t('account.sessionMeta', { ip: session.ip, used: dateTime(session.lastUsedAt) })}
                </p>
              </div>
              {!session.current ? (
                <button type="button" className="button button-small" onClick={() => void end(session.id)}>
                  {t('account.endSession')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="loading">{t('common.loading')}</p>
      )}
      {error || sessions.error ? <ProblemMessage error={error ?? sessions.error} /> : null}
    </section>
  );
}

function SignOutSection() {
  const { t } = useI18n();
  const router = useRouter();
  const path = useLocalePath();
  const [error, setError] = useState<unknown>();
  const signOut = async (everywhere: boolean) => {
    setError(undefined);
    try {
      await api(everywhere ? '/api/v1/auth/logout-all' : '/api/v1/auth/logout', { method: 'POST' });
      forgetSession();
      router.push(path('/'));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section className="card" aria-labelledby="sign-out-heading">
      <h2 id="sign-out-heading">{t('account.signOutHeading')}</h2>
      <div className="row-actions">
        <button type="button" className="button" onClick={() => void signOut(false)}>
          {t('account.signOut')}
        </button>
        <button type="button" className="button" onClick={() => void signOut(true)}>
          {t('account.signOutEverywhere')}
        </button>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
    </section>
  );
}

function DeleteSection({ email }: { email: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const path = useLocalePath();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>();
  const remove = async () => {
    setError(undefined);
    try {
      await api('/api/v1/users/me', { method: 'DELETE' });
      forgetSession();
      router.push(path('/'));
    } catch (failure) {
      setError(failure);
      setOpen(false);
    }
  };
  return (
    <section className="card" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('account.deleteHeading')}</h2>
      <p>{t('account.deleteLede')}</p>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        {t('account.delete')}
      </button>
      {error ? <ProblemMessage error={error} /> : null}
      <ConfirmDialog
        open={open}
        title={t('account.deleteConfirmTitle')}
        confirmLabel={t('account.delete')}
        danger
        confirmDisabled={typed.trim().toLowerCase() !== email.toLowerCase()}
        onConfirm={() => void remove()}
        onCancel={() => {
          setOpen(false);
          setTyped('');
        }}
      >
        <Field
          id="delete-confirm"
          label={t('account.deleteConfirmLabel', { email })}
          type="email"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </ConfirmDialog>
    </section>
  );
}
