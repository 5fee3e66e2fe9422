'use client';

import { ApiProblem } from '@/api/problem';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';
import type { MessageKey } from '@/i18n/messages/en';

/** The sentence for a share that no longer shows its scenario, by the `reason` the API gives. */
export function useGoneText(): (
  kind: 'shareGone' | 'withdrawn',
  reason: string | undefined,
) => string | null {
  const { t, has } = useI18n();
  return (kind, reason) => {
    const key = `video.${kind}.${reason ?? ''}`;
    return has(key) ? t(key as MessageKey) : null;
  };
}

/**
 * A failure about videos: the daily quota with when it comes back; a share that is gone, or a
 * video withdrawn with it, with the reason; anything else as every page says it.
 */
export function VideoProblem({ error }: { error: unknown }) {
  const { t, relative, dateTime } = useI18n();
  const goneText = useGoneText();
  if (error instanceof ApiProblem && error.kind === 'quota-exceeded' && error.problem.resetAt) {
    return (
      <div className="problem" role="alert">
        <p>
          {t('video.quota', {
            limit: error.problem.limit ?? '',
            when: relative(error.problem.resetAt),
            time: dateTime(error.problem.resetAt),
          })}
        </p>
      </div>
    );
  }
  if (error instanceof ApiProblem && (error.kind === 'share-gone' || error.kind === 'video-withdrawn')) {
    const text = goneText(error.kind === 'share-gone' ? 'shareGone' : 'withdrawn', error.problem.reason);
    if (text) {
      return (
        <div className="problem" role="alert">
          <p>{text}</p>
        </div>
      );
    }
  }
  return <ProblemMessage error={error} />;
}
