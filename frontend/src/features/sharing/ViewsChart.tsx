'use client';

import { sharePlatforms, type ShareAnalytics } from '@/api/types';
import { useI18n } from '@/i18n/I18nProvider';

const chartDays = 30;
/** How many referring sites and countries a panel lists (the API keeps the top 50). */
const topShown = 10;

/** Every UTC day from `from` to `to`, with its views (days without any count 0). */
export function dailyViews(analytics: ShareAnalytics): Array<{ date: string; views: number }> {
  const byDate = new Map(analytics.days.map((day) => [day.date, day.views]));
  const days: Array<{ date: string; views: number }> = [];
  const end = Date.parse(`${analytics.to}T00:00:00Z`);
  for (let time = Date.parse(`${analytics.from}T00:00:00Z`); time <= end; time += 86_400_000) {
    const date = new Date(time).toISOString().slice(0, 10);
    days.push({ date, views: byDate.get(date) ?? 0 });
  }
  return days.slice(-chartDays);
}

/**
 * Views per day as bars (an SVG drawn with attributes only: the policy allows no inline
 * style), with the same figures as a table for screen readers and for reading exact values.
 */
export function ViewsChart({ analytics }: { analytics: ShareAnalytics }) {
  const { t, date, number, country } = useI18n();
  const days = dailyViews(analytics);
  const highest = Math.max(1, ...days.map((day) => day.views));
  const width = 300;
  const height = 80;
  const slot = width / days.length;
  const platforms = sharePlatforms.filter((platform) => analytics.via[platform] > 0);
  return (
    <div className="views-chart">
      <p>
        {t('sharing.viewsInRange', {
          count: number(analytics.views),
          from: date(analytics.from),
          to: date(analytics.to),
        })}
      </p>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="chart"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} className="chart-axis" />
        {days.map((day, index) => {
          const barHeight = (day.views / highest) * (height - 4);
          return (
            <rect
              key={day.date}
              x={index * slot + 1}
              y={height - barHeight}
              width={Math.max(1, slot - 2)}
              height={barHeight}
              className="chart-bar"
            />
          );
        })}
      </svg>
      <details>
        <summary>{t('sharing.viewsTable')}</summary>
        <table className="data-table">
          <caption className="visually-hidden">{t('sharing.viewsTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sharing.day')}</th>
              <th scope="col">{t('sharing.views')}</th>
            </tr>
          </thead>
          <tbody>
            {days
              .filter((day) => day.views > 0)
              .map((day) => (
                <tr key={day.date}>
                  <td>{date(`${day.date}T12:00:00Z`)}</td>
                  <td>{number(day.views)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
      <h4>{t('sharing.byPlatform')}</h4>
      {platforms.length === 0 ? (
        <p className="item-meta">{t('sharing.noViewsYet')}</p>
      ) : (
        <dl className="stats">
          {platforms.map((platform) => (
            <div key={platform}>
              <dt>{t(`sharing.platform.${platform}`)}</dt>
              <dd>{number(analytics.via[platform])}</dd>
            </div>
          ))}
        </dl>
      )}
      {analytics.referrers.length > 0 ? (
        <>
          <h4>{t('sharing.referrers')}</h4>
          <dl className="stats">
            {analytics.referrers.slice(0, topShown).map((referrer) => (
              <div key={referrer.domain}>
                <dt>{referrer.domain}</dt>
                <dd>{number(referrer.views)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {analytics.countries.length > 0 ? (
        <>
          <h4>{t('sharing.countries')}</h4>
          <dl className="stats">
            {analytics.countries.slice(0, topShown).map((entry) => (
              <div key={entry.country}>
                <dt>{country(entry.country)}</dt>
                <dd>{number(entry.views)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <p className="field-hint">{t('sharing.analyticsPrivacy')}</p>
    </div>
  );
}
