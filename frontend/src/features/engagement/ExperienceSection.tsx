'use client';

import { useId } from 'react';
import useSWR from 'swr';
import { fetcher } from '@/api/client';
import type { Achievement, Experience } from '@/api/types';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';

/** A member's level, points, streak and achievements (everything, with progress, for the owner). */
export function ExperienceSection({ userId, mine }: { userId: string; mine: boolean }) {
  const { t, number } = useI18n();
  const id = useId();
  const base = `/api/v1/social/users/${encodeURIComponent(userId)}`;
  const experience = useSWR<Experience>(`${base}/experience`, fetcher);
  const achievements = useSWR<{ items: Achievement[] }>(`${base}/achievements`, fetcher);
  const data = experience.data;
  return (
    <>
      <section className="card" aria-labelledby={`${id}-experience`}>
        <h2 id={`${id}-experience`}>{t('experience.heading')}</h2>
        {experience.error ? <ProblemMessage error={experience.error} /> : null}
        {data ? (
          <>
            <label htmlFor={`${id}-progress`}>
              {t('experience.level', {
                level: number(data.level),
                points: number(data.points),
                next: number(data.nextLevelAt),
              })}
            </label>
            <progress
              id={`${id}-progress`}
              max={data.nextLevelAt - data.levelStartsAt}
              value={data.points - data.levelStartsAt}
            />
            <dl className="stats">
              <div>
                <dt>{t('experience.streak')}</dt>
                <dd>{t('experience.days', { count: number(data.streakDays) })}</dd>
              </div>
              <div>
                <dt>{t('experience.week')}</dt>
                <dd>{number(data.windows['7d'])}</dd>
              </div>
              <div>
                <dt>{t('experience.month')}</dt>
                <dd>{number(data.windows['30d'])}</dd>
              </div>
            </dl>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="achievements" id="achievements-section">
        <h2 id="achievements">{t('achievements.heading')}</h2>
        {achievements.error ? <ProblemMessage error={achievements.error} /> : null}
        {achievements.data ? <AchievementList items={achievements.data.items} mine={mine} /> : null}
      </section>
    </>
  );
}

function AchievementList({ items, mine }: { items: Achievement[]; mine: boolean }) {
  const { t, date, number, locale } = useI18n();
  const shown = mine ? items : items.filter((item) => item.unlockedAt);
  if (shown.length === 0) return <p>{mine ? t('achievements.noneYours') : t('achievements.none')}</p>;
  return (
    <ul className="item-list achievements" aria-label={t('achievements.heading')}>
      {shown.map((item) => (
        <li key={item.id} className={item.unlockedAt ? 'item' : 'item item-locked'}>
          <div className="item-main">
            <p className="item-title">
              {item.name[locale]} <span className="badge">{t(`achievements.rarity.${item.rarity}`)}</span>
            </p>
            <p>{item.description[locale]}</p>
            <p className="item-meta">
              {[
                t('achievements.points', { points: number(item.points) }),
                item.unlockedAt
                  ? t('achievements.unlocked', { when: date(item.unlockedAt) })
                  : item.progress
                    ? t('achievements.progress', {
                        current: number(item.progress.current),
                        target: number(item.progress.target),
                      })
                    : t('achievements.locked'),
              ].join(' · ')}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
