'use client';

import { ApiProblem } from '@/api/problem';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';

/** A failure about videos; the daily quota is explained in videos, with when it comes back. */
export function VideoProblem({ error }: { error: unknown }) {
  const { t, relative, dateTime } = useI18n();
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
  return <ProblemMessage error={error} />;
}
