'use client';

import Link from 'next/link';
import { useState } from 'react';
import useSWR from 'swr';
import { api, fetcher } from '@/api/client';
import type { Share, ShareAnalytics, ShareChanges } from '@/api/types';
import { announce } from '@/components/Announcer';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Modal } from '@/components/Modal';
import { ProblemMessage } from '@/components/ProblemMessage';
import { RequireSession } from '@/components/SessionGate';
import { PagedList, usePagedList } from '@/components/usePagedList';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { ShareLink } from './ShareLink';
import { ShareSettingsForm } from './ShareSettingsForm';
import { ViewsChart } from './ViewsChart';

export function SharesPage() {
  return (
    <RequireSession>
      <Shares />
    </RequireSession>
  );
}

type Panel = { kind: 'link' | 'edit' | 'analytics' | 'revoke' | 'delete'; share: Share };

/** The state a share is in, as its owner should read it: hidden by moderators above all. */
function shareState(share: Share): 'live' | 'revoked' | 'expired' | 'hidden' | 'removed' {
  if (share.moderation !== 'visible') return share.moderation;
  return share.status;
}

function Shares() {
  const { t, date, number } = useI18n();
  const path = useLocalePath();
  const list = usePagedList<Share>('/api/v1/shares', { limit: 20 });
  const totals = useSWR<ShareAnalytics & { shares: number }>('/api/v1/shares/analytics', fetcher);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const act = async (work: () => Promise<unknown>, said: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      await list.refresh();
      void totals.mutate();
      announce(said);
      setPanel(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const slugPath = (share: Share) => `/api/v1/shares/${encodeURIComponent(share.slug)}`;
  const change = (share: Share, changes: ShareChanges) =>
    act(() => api(slugPath(share), { method: 'PATCH', body: changes }), t('sharing.saved'));
  const close = () => {
    setPanel(null);
    setError(undefined);
  };

  return (
    <>
      <h1>{t('sharing.heading')}</h1>
      <p className="lede">{t('sharing.lede')}</p>
      {totals.data ? (
        <section className="card" aria-labelledby="shares-totals">
          <h2 id="shares-totals">{t('sharing.totals')}</h2>
          <ViewsChart analytics={totals.data} />
        </section>
      ) : null}
      <PagedList
        list={list}
        empty={
          <>
            {t('sharing.empty')} <Link href={path('/history')}>{t('nav.history')}</Link>
          </>
        }
      >
        {(items) => (
          <ul className="item-list" aria-label={t('sharing.listLabel')}>
            {items.map((share) => {
              const state = shareState(share);
              const title = share.title ?? share.scenarioTitle;
              return (
                <li key={share.slug} className="item">
                  <div className="item-main">
                    <Link
                      className="item-title"
                      href={`${path('/scenario')}?id=${encodeURIComponent(share.scenarioId)}`}
                      lang={share.language}
                    >
                      {title}
                    </Link>
                    <p className="item-meta">
                      <span className={`badge badge-${state}`}>{t(`sharing.state.${state}`)}</span>{' '}
                      {[
                        t('sharing.viewCount', { count: number(share.views) }),
                        t(`sharing.visibility.${share.visibility}`),
                        share.hasPassword ? t('sharing.hasPassword') : null,
                        share.expiresAt
                          ? t(state === 'expired' ? 'sharing.expired' : 'sharing.expires', {
                              when: date(share.expiresAt),
                            })
                          : null,
                        t('sharing.createdOn', { when: date(share.createdAt) }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    <div className="row-actions">
                      {state === 'live' ? (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setPanel({ kind: 'link', share })}
                        >
                          {t('sharing.showLink')}
                          <span className="visually-hidden">: {title}</span>
                        </button>
                      ) : null}
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setPanel({ kind: 'analytics', share })}
                      >
                        {t('sharing.analytics')}
                        <span className="visually-hidden">: {title}</span>
                      </button>
                      {share.status !== 'revoked' ? (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setPanel({ kind: 'edit', share })}
                        >
                          {t('sharing.edit')}
                          <span className="visually-hidden">: {title}</span>
                        </button>
                      ) : null}
                      {share.status !== 'revoked' ? (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setPanel({ kind: 'revoke', share })}
                        >
                          {t('sharing.revoke')}
                          <span className="visually-hidden">: {title}</span>
                        </button>
                      ) : null}
                      <button
                        type="button"
                        className="button button-small button-danger"
                        onClick={() => setPanel({ kind: 'delete', share })}
                      >
                        {t('sharing.delete')}
                        <span className="visually-hidden">: {title}</span>
                      </button>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </PagedList>
      {error && !panel ? <ProblemMessage error={error} /> : null}

      <Modal open={panel?.kind === 'link'} title={t('sharing.linkTitle')} onClose={close}>
        {panel?.kind === 'link' ? <ShareLink share={panel.share} /> : null}
      </Modal>
      <Modal open={panel?.kind === 'edit'} title={t('sharing.editTitle')} onClose={close}>
        {panel?.kind === 'edit' ? (
          <ShareSettingsForm
            share={panel.share}
            submitLabel={t('common.save')}
            busy={busy}
            onSubmit={(changes) => void change(panel.share, changes)}
          />
        ) : null}
        {error ? <ProblemMessage error={error} /> : null}
      </Modal>
      <Modal open={panel?.kind === 'analytics'} title={t('sharing.analyticsTitle')} onClose={close}>
        {panel?.kind === 'analytics' ? <ShareAnalyticsPanel share={panel.share} /> : null}
      </Modal>
      <ConfirmDialog
        open={panel?.kind === 'revoke'}
        title={t('sharing.revokeTitle')}
        confirmLabel={t('sharing.revoke')}
        danger
        confirmDisabled={busy}
        onConfirm={() => {
          if (panel)
            void act(() => api(`${slugPath(panel.share)}/revoke`, { method: 'POST' }), t('sharing.revoked'));
        }}
        onCancel={close}
      >
        <p>{t('sharing.revokeLede')}</p>
        {error ? <ProblemMessage error={error} /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={panel?.kind === 'delete'}
        title={t('sharing.deleteTitle')}
        confirmLabel={t('sharing.delete')}
        danger
        confirmDisabled={busy}
        onConfirm={() => {
          if (panel) void act(() => api(slugPath(panel.share), { method: 'DELETE' }), t('sharing.deleted'));
        }}
        onCancel={close}
      >
        <p>{t('sharing.deleteLede')}</p>
        {error ? <ProblemMessage error={error} /> : null}
      </ConfirmDialog>
    </>
  );
}

function ShareAnalyticsPanel({ share }: { share: Share }) {
  const { t } = useI18n();
  const figures = useSWR<ShareAnalytics>(
    `/api/v1/shares/${encodeURIComponent(share.slug)}/analytics`,
    fetcher,
  );
  if (figures.error) return <ProblemMessage error={figures.error} />;
  if (!figures.data) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return <ViewsChart analytics={figures.data} />;
}
