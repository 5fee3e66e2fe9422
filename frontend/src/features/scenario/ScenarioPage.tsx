'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import useSWR from 'swr';
import { api, fetcher } from '@/api/client';
import type { SavedScenario } from '@/api/types';
import { announce } from '@/components/Announcer';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ProblemMessage } from '@/components/ProblemMessage';
import { RequireSession } from '@/components/SessionGate';
import { useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { ShareDialog } from '@/features/sharing/ShareDialog';
import { PublishDialog } from '@/features/social/PublishDialog';
import { VideoDialog } from '@/features/video/VideoDialog';
import { ScenarioBody } from './ScenarioBody';

const scenarioActions = ['share', 'publish', 'video'] as const;
type ScenarioAction = (typeof scenarioActions)[number];
function isScenarioAction(value: string | null | undefined): value is ScenarioAction {
  return scenarioActions.includes(value as ScenarioAction);
}

export function ScenarioPage() {
  return (
    <RequireSession>
      <ScenarioView />
    </RequireSession>
  );
}

function ScenarioView() {
  const { t, dateTime } = useI18n();
  const path = useLocalePath();
  const router = useRouter();
  const params = useQuery();
  const id = params?.get('id');
  const key = id ? `/api/v1/scenarios/${encodeURIComponent(id)}` : null;
  const scenario = useSWR<SavedScenario>(key, fetcher);
  const [error, setError] = useState<unknown>();
  const [tags, setTags] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [dialog, setDialog] = useState<ScenarioAction | null>(null);
  const requested = params?.get('action');
  useEffect(() => {
    // The ask page's Share, Publish and Make a video land here with ?action=…, the dialog open.
    if (isScenarioAction(requested)) setDialog(requested);
  }, [requested]);

  if (params && !id) return <p className="problem">{t('problem.not-found')}</p>;
  if (scenario.error) return <ProblemMessage error={scenario.error} />;
  const data = scenario.data;
  if (!data) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const change = async (body: Partial<Pick<SavedScenario, 'favorite' | 'rating' | 'tags'>>, said: string) => {
    if (!key) return;
    setError(undefined);
    try {
      // Shown at once, taken back if the service refuses.
      await scenario.mutate(api<SavedScenario>(key, { method: 'PATCH', body }), {
        optimisticData: (current) => ({ ...(current as SavedScenario), ...body }),
        rollbackOnError: true,
        revalidate: false,
      });
      announce(said);
    } catch (failure) {
      setError(failure);
    }
  };
  const remove = async () => {
    if (!key) return;
    try {
      await api(key, { method: 'DELETE' });
      router.push(path('/history'));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <article>
      <div lang={data.language}>
        <p className="result-question">{data.question}</p>
        <ScenarioBody
          content={data}
          titleLevel={1}
          onBranch={(index) =>
            router.push(`${path('/')}?continue=${encodeURIComponent(data.id)}&from=${index}`)
          }
        />
      </div>
      <section className="card" aria-labelledby="spread-heading">
        <h2 id="spread-heading">{t('scenario.spread')}</h2>
        <div className="row-actions">
          <button type="button" className="button button-primary" onClick={() => setDialog('share')}>
            {t('scenario.share')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('publish')}>
            {t('scenario.publish')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('video')}>
            {t('scenario.makeVideo')}
          </button>
        </div>
      </section>
      <ShareDialog scenarioId={data.id} open={dialog === 'share'} onClose={() => setDialog(null)} />
      <PublishDialog
        scenarioId={data.id}
        tags={data.tags}
        open={dialog === 'publish'}
        onClose={() => setDialog(null)}
      />
      <VideoDialog
        source={{ scenarioId: data.id }}
        open={dialog === 'video'}
        onClose={() => setDialog(null)}
      />
      <section className="card" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('scenario.about')}</h2>
        <p className="provenance">
          {t('scenario.provenance', { provider: data.provenance.provider, model: data.provenance.model })} ·{' '}
          {dateTime(data.createdAt)}
          {data.provenance.cached ? ` · ${t('scenario.cached')}` : ''}
        </p>
        {data.parent ? (
          <p>
            {t('scenario.continues')}{' '}
            <Link href={`${path('/scenario')}?id=${encodeURIComponent(data.parent.id)}`}>
              {t('scenario.parentLink', { index: data.parent.timelineIndex + 1 })}
            </Link>
          </p>
        ) : null}
        <div className="row-actions">
          <button
            type="button"
            className="button"
            aria-pressed={data.favorite}
            onClick={() =>
              void change(
                { favorite: !data.favorite },
                data.favorite ? t('scenario.unfavorited') : t('scenario.favorited'),
              )
            }
          >
            {data.favorite ? t('scenario.unfavorite') : t('scenario.favorite')}
          </button>
          <button type="button" className="button button-danger" onClick={() => setConfirmDelete(true)}>
            {t('scenario.delete')}
          </button>
        </div>
        <fieldset className="rating">
          <legend>{t('scenario.rating')}</legend>
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className="chip">
              <input
                type="radio"
                name="rating"
                checked={data.rating === value}
                onChange={() => void change({ rating: value }, t('scenario.rated', { rating: value }))}
              />
              <span>{t('scenario.stars', { count: value })}</span>
            </label>
          ))}
        </fieldset>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const next = (tags ?? data.tags.join(', '))
              .split(',')
              .map((tag) => tag.trim())
              .filter(Boolean);
            void change({ tags: next }, t('scenario.tagsSaved'));
            setTags(null);
          }}
        >
          <div className="field">
            <label htmlFor="scenario-tags">{t('scenario.tagsLabel')}</label>
            <input
              id="scenario-tags"
              type="text"
              value={tags ?? data.tags.join(', ')}
              onChange={(event) => setTags(event.target.value)}
            />
          </div>
          <button type="submit" className="button button-small">
            {t('common.save')}
          </button>
        </form>
        {error ? <ProblemMessage error={error} /> : null}
      </section>
      <ConfirmDialog
        open={confirmDelete}
        title={t('scenario.deleteTitle')}
        confirmLabel={t('scenario.delete')}
        danger
        onConfirm={() => {
          setConfirmDelete(false);
          void remove();
        }}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>{t('history.deleteLede')}</p>
      </ConfirmDialog>
    </article>
  );
}
