'use client';

import Link from 'next/link';
import { useId, useRef, useState, type FormEvent } from 'react';
import useSWR from 'swr';
import { api, fetcher } from '@/api/client';
import {
  caseStatuses,
  moderationActions,
  type CaseStatus,
  type ModerationAction,
  type ModerationCase,
  type ModerationCaseDetail,
  type ReportReason,
} from '@/api/types';
import { announce } from '@/components/Announcer';
import { ProblemMessage } from '@/components/ProblemMessage';
import { RequireSession } from '@/components/SessionGate';
import { PagedList, usePagedList } from '@/components/usePagedList';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { commentAnchor } from '../social/comment-anchor';

export function ModerationPage() {
  return (
    <RequireSession role={['moderator', 'admin']}>
      <Moderation />
    </RequireSession>
  );
}

/** The one moderation queue: cases by status, each with its reports, its content and its audit trail. */
function Moderation() {
  const { t, dateTime, number } = useI18n();
  const [status, setStatus] = useState<CaseStatus>('open');
  const [selected, setSelected] = useState<string | null>(null);
  const list = usePagedList<ModerationCase>('/api/v1/social/moderation/cases', { status, limit: 20 });
  return (
    <>
      <h1>{t('moderation.heading')}</h1>
      <p className="lede">{t('moderation.lede')}</p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="case-status">{t('moderation.status')}</label>
          <select
            id="case-status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as CaseStatus);
              setSelected(null);
            }}
          >
            {caseStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`moderation.status.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <PagedList list={list} empty={t('moderation.empty')}>
        {(items) => (
          <ul className="item-list" aria-label={t('moderation.cases')}>
            {items.map((item) => (
              <li key={item.caseId} className="item">
                <div className="item-main">
                  <p className="item-title">
                    {t(`moderation.kind.${item.target.kind}`)} <code>{item.target.id}</code>
                  </p>
                  <p className="item-meta">
                    {[
                      t('moderation.reports', { count: number(item.reports), voices: number(item.voices) }),
                      reasonsText(item.reasons, t),
                      t('moderation.lastReported', { when: dateTime(item.lastReportedAt) }),
                    ].join(' · ')}
                  </p>
                  <button
                    type="button"
                    className="button button-small"
                    aria-expanded={selected === item.caseId}
                    onClick={() => setSelected(selected === item.caseId ? null : item.caseId)}
                  >
                    {t('moderation.review')}
                    <span className="visually-hidden">
                      : {t(`moderation.kind.${item.target.kind}`)} {item.target.id}
                    </span>
                  </button>
                  {selected === item.caseId ? <CaseReview caseId={item.caseId} /> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </>
  );
}

function reasonsText(
  reasons: Partial<Record<ReportReason, number>>,
  t: ReturnType<typeof useI18n>['t'],
): string {
  return Object.entries(reasons)
    .map(([reason, count]) => `${t(`report.reason.${reason as ReportReason}`)} ${count}`)
    .join(', ');
}

/**
 * Where the reported content can be seen in its context: a post's page; for a comment, its
 * post's page scrolled to it (its target id is `<postId>:<commentId>`); a share's public page.
 * A scenario has no page another person may open: it is seen only through its shares.
 */
function ContentLink({ target }: { target: ModerationCase['target'] }) {
  const { t } = useI18n();
  const path = useLocalePath();
  if (target.kind === 'post') {
    return (
      <Link href={`${path('/post')}?id=${encodeURIComponent(target.id)}`}>{t('moderation.openPost')}</Link>
    );
  }
  if (target.kind === 'comment') {
    const [postId, commentId] = target.id.split(':');
    if (postId && commentId) {
      return (
        <Link href={`${path('/post')}?id=${encodeURIComponent(postId)}#${commentAnchor(commentId)}`}>
          {t('moderation.openComment')}
        </Link>
      );
    }
  }
  if (target.kind === 'share') {
    return (
      <a href={`/s/${encodeURIComponent(target.id)}`} target="_blank" rel="noopener noreferrer">
        {t('moderation.openShare')}
        <span className="visually-hidden"> {t('common.newWindow')}</span>
      </a>
    );
  }
  if (target.kind === 'scenario') return <span>{t('moderation.scenarioNoLink')}</span>;
  return <span>{t('moderation.noLink')}</span>;
}

/**
 * A case as the moderator decides it. After a decision the case stays open here with its new
 * status and trail; the list moves it to its new status when it is read again.
 */
function CaseReview({ caseId }: { caseId: string }) {
  const { t, dateTime } = useI18n();
  const id = useId();
  const key = `/api/v1/social/moderation/cases/${encodeURIComponent(caseId)}`;
  const detail = useSWR<ModerationCaseDetail>(key, fetcher);
  const [action, setAction] = useState<ModerationAction>('hide');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const trail = useRef<HTMLOListElement>(null);
  if (detail.error) return <ProblemMessage error={detail.error} />;
  const data = detail.data;
  if (!data) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const decide = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await api(`${key}/decisions`, { method: 'POST', body: { action, reason: reason.trim() } });
      setReason('');
      await detail.mutate();
      announce(t('moderation.decided'));
      // The button is disabled with the reason emptied; the focus goes to the decision recorded.
      requestAnimationFrame(() => trail.current?.querySelector<HTMLElement>('li')?.focus());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {t('moderation.caseHeading', { kind: t(`moderation.kind.${data.target.kind}`) })}
      </h2>
      <p>
        <ContentLink target={data.target} />
      </p>
      <p className="item-meta">
        {t(`moderation.status.${data.status}`)} · {t('moderation.weight', { weight: data.weight })} ·{' '}
        {t('moderation.firstReported', { when: dateTime(data.firstReportedAt) })}
      </p>
      <form className="form" onSubmit={(event) => void decide(event)}>
        <fieldset className="options">
          <legend>{t('moderation.action')}</legend>
          {moderationActions.map((value) => (
            <label key={value} className="chip">
              <input
                type="radio"
                name={`${id}-action`}
                checked={action === value}
                onChange={() => setAction(value)}
              />
              <span>{t(`moderation.action.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('moderation.reason')}</label>
          <p className="field-hint" id={`${id}-reason-hint`}>
            {t('moderation.reasonHint')}
          </p>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={500}
            required
            aria-describedby={`${id}-reason-hint`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy || !reason.trim()}>
          {t('moderation.decide')}
        </button>
      </form>
      {error ? <ProblemMessage error={error} /> : null}
      <h3>{t('moderation.trail')}</h3>
      {data.decisions.length === 0 ? (
        <p>{t('moderation.noDecisions')}</p>
      ) : (
        <ol className="audit-trail" ref={trail}>
          {data.decisions.map((decision) => (
            <li key={decision.id} tabIndex={-1}>
              <strong>{t(`moderation.action.${decision.action}`)}</strong> · {dateTime(decision.decidedAt)} ·{' '}
              {decision.moderatorId
                ? t('moderation.by', { id: decision.moderatorId.slice(0, 8) })
                : t('moderation.automatic')}
              <br />
              {decision.reason}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
