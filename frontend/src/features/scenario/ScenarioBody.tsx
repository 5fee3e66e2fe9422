'use client';

import type { ScenarioContent, SectionName } from '@/api/types';
import { useI18n } from '@/i18n/I18nProvider';

/** The order the writer produces sections in, and the order they are shown. */
export const sectionOrder: SectionName[] = [
  'title',
  'premise',
  'divergence',
  'timeline',
  'consequences',
  'keyFigures',
  'plausibility',
  'narration',
  'tags',
];

function Pending({ label }: { label: string }) {
  return (
    <div className="section-pending" aria-hidden="true">
      <span className="pending-label">{label}</span>
      <span className="pending-line" />
      <span className="pending-line pending-line-short" />
    </div>
  );
}

/**
 * A scenario's sections, each as it arrives. Everything the model wrote is rendered as text,
 * never as markup. `onBranch` offers "what if, then…" on each timeline entry.
 */
export function ScenarioBody({
  content,
  streaming = false,
  onBranch,
  titleLevel = 2,
}: {
  content: Partial<ScenarioContent>;
  streaming?: boolean;
  onBranch?: (timelineIndex: number) => void;
  titleLevel?: 1 | 2;
}) {
  const { t, number } = useI18n();
  const Title = titleLevel === 1 ? 'h1' : 'h2';
  const Heading = titleLevel === 1 ? 'h2' : 'h3';
  const pending = (name: SectionName) =>
    streaming && content[name] === undefined ? <Pending label={t(`section.${name}`)} /> : null;
  const { title, premise, divergence, timeline, consequences, keyFigures, plausibility, narration, tags } =
    content;

  return (
    <div className="scenario-body">
      {title !== undefined ? <Title className="scenario-title">{title}</Title> : pending('title')}
      {premise !== undefined ? <p className="scenario-premise">{premise}</p> : pending('premise')}

      {divergence ? (
        <section aria-labelledby="divergence-heading" className="scenario-section">
          <Heading id="divergence-heading">{t('section.divergence')}</Heading>
          <p>
            <strong>{divergence.when}</strong> — {divergence.event}
          </p>
        </section>
      ) : (
        pending('divergence')
      )}

      {timeline ? (
        <section aria-labelledby="timeline-heading" className="scenario-section">
          <Heading id="timeline-heading">{t('section.timeline')}</Heading>
          <ol className="timeline">
            {timeline.map((entry, index) => (
              <li key={`${index}-${entry.when}`}>
                <p className="timeline-when">{entry.when}</p>
                <p>{entry.event}</p>
                {onBranch ? (
                  <button type="button" className="button button-small" onClick={() => onBranch(index)}>
                    {t('scenario.branchFrom', { when: entry.when })}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : (
        pending('timeline')
      )}

      {consequences ? (
        <section aria-labelledby="consequences-heading" className="scenario-section">
          <Heading id="consequences-heading">{t('section.consequences')}</Heading>
          <dl className="consequences">
            <dt>{t('consequences.immediate')}</dt>
            <dd>{consequences.immediate}</dd>
            <dt>{t('consequences.shortTerm')}</dt>
            <dd>{consequences.shortTerm}</dd>
            <dt>{t('consequences.longTerm')}</dt>
            <dd>{consequences.longTerm}</dd>
            {consequences.byDomain?.politics ? (
              <>
                <dt>{t('consequences.politics')}</dt>
                <dd>{consequences.byDomain.politics}</dd>
              </>
            ) : null}
            {consequences.byDomain?.technology ? (
              <>
                <dt>{t('consequences.technology')}</dt>
                <dd>{consequences.byDomain.technology}</dd>
              </>
            ) : null}
            {consequences.byDomain?.culture ? (
              <>
                <dt>{t('consequences.culture')}</dt>
                <dd>{consequences.byDomain.culture}</dd>
              </>
            ) : null}
            {consequences.byDomain?.dailyLife ? (
              <>
                <dt>{t('consequences.dailyLife')}</dt>
                <dd>{consequences.byDomain.dailyLife}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : (
        pending('consequences')
      )}

      {keyFigures ? (
        <section aria-labelledby="figures-heading" className="scenario-section">
          <Heading id="figures-heading">{t('section.keyFigures')}</Heading>
          <ul className="figures">
            {keyFigures.map((figure) => (
              <li key={figure.name}>
                <strong>{figure.name}</strong>: {figure.role}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        pending('keyFigures')
      )}

      {plausibility ? (
        <section aria-labelledby="plausibility-heading" className="scenario-section">
          <Heading id="plausibility-heading">{t('section.plausibility')}</Heading>
          <p>
            <meter min={1} max={10} value={plausibility.score} aria-labelledby="plausibility-score" />{' '}
            <span id="plausibility-score">
              {t('scenario.plausibilityScore', { score: number(plausibility.score) })}
            </span>
          </p>
          <ul>
            {plausibility.assumptions.map((assumption) => (
              <li key={assumption}>{assumption}</li>
            ))}
          </ul>
        </section>
      ) : (
        pending('plausibility')
      )}

      {narration !== undefined ? (
        <section aria-labelledby="narration-heading" className="scenario-section">
          <Heading id="narration-heading">{t('section.narration')}</Heading>
          <p className="narration">{narration}</p>
        </section>
      ) : (
        pending('narration')
      )}

      {tags ? (
        <ul className="tags" aria-label={t('section.tags')}>
          {tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : (
        pending('tags')
      )}
    </div>
  );
}
