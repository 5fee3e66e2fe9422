'use client';

import Link from 'next/link';
import { useState } from 'react';
import { leaderboardWindows, type LeaderboardPage as Page, type LeaderboardWindow } from '@/api/types';
import { useSession } from '@/api/useSession';
import { PagedList, usePagedList } from '@/components/usePagedList';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { useMemberNames } from '../social/Member';

type Entry = Page['items'][number];

/** Who earned most experience: of all time, the last 30 days or the last 7; and where you stand. */
export function LeaderboardPage() {
  const { t, number } = useI18n();
  const path = useLocalePath();
  const session = useSession();
  const [period, setPeriod] = useState<LeaderboardWindow>('all');
  const list = usePagedList<Entry, Page>(session.status === 'unknown' ? null : '/api/v1/social/leaderboard', {
    window: period,
    limit: 20,
  });
  const me = list.first?.me;
  const nameOf = useMemberNames(list.items.map((entry) => entry.userId));
  return (
    <>
      <h1>{t('leaderboard.heading')}</h1>
      <p className="lede">{t('leaderboard.lede')}</p>
      <div className="toolbar" role="group" aria-label={t('leaderboard.period')}>
        {leaderboardWindows.map((value) => (
          <button
            key={value}
            type="button"
            className="button"
            aria-pressed={period === value}
            onClick={() => setPeriod(value)}
          >
            {t(`leaderboard.window.${value}`)}
          </button>
        ))}
      </div>
      {me ? (
        <p className="notice">{t('leaderboard.you', { rank: number(me.rank), points: number(me.points) })}</p>
      ) : null}
      <PagedList list={list} empty={t('leaderboard.empty')}>
        {(items) => (
          <table className="data-table">
            <caption className="visually-hidden">{t(`leaderboard.window.${period}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('leaderboard.rank')}</th>
                <th scope="col">{t('leaderboard.member')}</th>
                <th scope="col">{t('leaderboard.points')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.userId} aria-current={entry.userId === session.user?.id ? 'true' : undefined}>
                  <td>{number(entry.rank)}</td>
                  <td>
                    <Link href={`${path('/profile')}?id=${encodeURIComponent(entry.userId)}`}>
                      {nameOf(entry.userId)}
                    </Link>
                  </td>
                  <td>{number(entry.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </>
  );
}
