'use client';

import { useState, type FormEvent } from 'react';
import useSWR from 'swr';
import { api, fetcher } from '@/api/client';
import { roles, type AdminAccount, type AdminStats, type Role } from '@/api/types';
import { useSession } from '@/api/useSession';
import { announce } from '@/components/Announcer';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ProblemMessage } from '@/components/ProblemMessage';
import { RequireSession } from '@/components/SessionGate';
import { PagedList, usePagedList } from '@/components/usePagedList';
import { useI18n } from '@/i18n/I18nProvider';

interface Search {
  q: string;
  role: Role | '';
  status: '' | 'active' | 'disabled';
}

export function AdminPage() {
  return (
    <RequireSession role="admin">
      <Admin />
    </RequireSession>
  );
}

function Stats() {
  const { t, number } = useI18n();
  const stats = useSWR<AdminStats>('/api/v1/admin/users/stats', fetcher);
  if (stats.error) return <ProblemMessage error={stats.error} />;
  if (!stats.data) return null;
  const { users, sessions } = stats.data;
  const cells: Array<[string, number]> = [
    [t('admin.stats.total'), users.total],
    [t('admin.stats.verified'), users.verified],
    [t('admin.stats.disabled'), users.disabled],
    [t('admin.stats.new7'), users.createdLast7Days],
    [t('admin.stats.moderators'), users.byRole.moderator],
    [t('admin.stats.admins'), users.byRole.admin],
    [t('admin.stats.sessions'), sessions.active],
  ];
  return (
    <dl className="stats">
      {cells.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Admin() {
  const { t, date } = useI18n();
  const session = useSession();
  const [draft, setDraft] = useState<Search>({ q: '', role: '', status: '' });
  const [search, setSearch] = useState<Search>(draft);
  const [error, setError] = useState<unknown>();
  const [disabling, setDisabling] = useState<AdminAccount | null>(null);
  const list = usePagedList<AdminAccount>('/api/v1/admin/users', { limit: 20, ...search });

  const act = async (account: AdminAccount, request: () => Promise<unknown>, said: string) => {
    setError(undefined);
    try {
      await request();
      await list.refresh();
      announce(said);
    } catch (failure) {
      setError(failure);
    }
  };
  const setRole = (account: AdminAccount, role: Role, on: boolean) => {
    const next = on ? [...new Set([...account.roles, role])] : account.roles.filter((held) => held !== role);
    void act(
      account,
      () => api(`/api/v1/admin/users/${account.id}/roles`, { method: 'PUT', body: { roles: next } }),
      t('admin.rolesSaved', { name: account.displayName }),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft);
  };

  return (
    <div>
      <h1>{t('admin.heading')}</h1>
      <Stats />
      <h2>{t('admin.usersHeading')}</h2>
      <form className="toolbar" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="admin-q">{t('admin.search')}</label>
          <input
            id="admin-q"
            type="search"
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="admin-role">{t('admin.role')}</label>
          <select
            id="admin-role"
            value={draft.role}
            onChange={(event) => setDraft({ ...draft, role: event.target.value as Role | '' })}
          >
            <option value="">{t('admin.anyRole')}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="admin-status">{t('admin.status')}</label>
          <select
            id="admin-status"
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.target.value as Search['status'] })}
          >
            <option value="">{t('admin.anyStatus')}</option>
            <option value="active">{t('admin.active')}</option>
            <option value="disabled">{t('admin.disabled')}</option>
          </select>
        </div>
        <button type="submit" className="button button-primary">
          {t('admin.searchSubmit')}
        </button>
      </form>
      {error ? <ProblemMessage error={error} /> : null}
      <PagedList list={list} empty={t('admin.none')}>
        {(accounts) => (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('admin.usersHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.user')}</th>
                  <th scope="col">{t('admin.roles')}</th>
                  <th scope="col">{t('admin.status')}</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => {
                  const self = account.id === session.user?.id;
                  return (
                    <tr key={account.id}>
                      <td>
                        <strong>{account.displayName}</strong>
                        <br />
                        {account.email}
                        <br />
                        <span className="field-hint">
                          {t('admin.joined', { date: date(account.createdAt) })}
                        </span>
                      </td>
                      <td>
                        {(['moderator', 'admin'] as const).map((role) => (
                          <label key={role} className="chip">
                            <input
                              type="checkbox"
                              checked={account.roles.includes(role)}
                              disabled={self}
                              onChange={(event) => setRole(account, role, event.target.checked)}
                            />
                            <span>{t(`role.${role}`)}</span>
                            <span className="visually-hidden"> — {account.displayName}</span>
                          </label>
                        ))}
                      </td>
                      <td>
                        <p>{account.disabled ? t('admin.disabled') : t('admin.active')}</p>
                        {self ? null : account.disabled ? (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() =>
                              void act(
                                account,
                                () => api(`/api/v1/admin/users/${account.id}/enable`, { method: 'POST' }),
                                t('admin.enabledSaid', { name: account.displayName }),
                              )
                            }
                          >
                            {t('admin.enable')}
                            <span className="visually-hidden"> {account.displayName}</span>
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button-small button-danger"
                            onClick={() => setDisabling(account)}
                          >
                            {t('admin.disable')}
                            <span className="visually-hidden"> {account.displayName}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
      <ConfirmDialog
        open={disabling !== null}
        title={t('admin.disableTitle', { name: disabling?.displayName ?? '' })}
        confirmLabel={t('admin.disable')}
        danger
        onConfirm={() => {
          const account = disabling;
          setDisabling(null);
          if (account)
            void act(
              account,
              () => api(`/api/v1/admin/users/${account.id}/disable`, { method: 'POST' }),
              t('admin.disabledSaid', { name: account.displayName }),
            );
        }}
        onCancel={() => setDisabling(null)}
      >
        <p>{t('admin.disableLede')}</p>
      </ConfirmDialog>
    </div>
  );
}
