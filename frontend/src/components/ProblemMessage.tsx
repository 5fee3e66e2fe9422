'use client';

import { useI18n } from '@/i18n/I18nProvider';
import type { MessageKey } from '@/i18n/messages/en';
import { ApiProblem } from '@/api/problem';

/** The message for a failure, in the page's language: by problem type, else by status. */
export function useProblemText(): (error: unknown) => string {
  const { t, has, relative, dateTime } = useI18n();
  return (error) => {
    if (!(error instanceof ApiProblem)) return t('problem.unexpected');
    const { problem, retryAfterSeconds } = error;
    if (error.kind === 'quota-exceeded' && problem.resetAt) {
      return t('problem.quota-exceeded', {
        limit: problem.limit ?? '',
        when: relative(problem.resetAt),
        time: dateTime(problem.resetAt),
      });
    }
    if (error.status === 429) {
      return t('problem.too-many-requests', { seconds: retryAfterSeconds ?? 60 });
    }
    const byType = `problem.${error.kind}`;
    if (has(byType)) return t(byType as MessageKey);
    if (error.status === 0) return t('problem.network');
    if (error.status >= 500) return t('problem.server', { status: error.status });
    return t('problem.generic', { status: error.status });
  };
}

/**
 * A failure shown where it happened, announced assertively because it stops what the person
 * was doing. The service's own words follow in English when they add to ours.
 */
export function ProblemMessage({ error, id }: { error: unknown; id?: string }) {
  const { t, locale } = useI18n();
  const text = useProblemText()(error);
  const detail = error instanceof ApiProblem ? error.problem.detail : undefined;
  const requestId = error instanceof ApiProblem ? error.problem.requestId : undefined;
  return (
    <div className="problem" role="alert" id={id}>
      <p>{text}</p>
      {detail && error instanceof ApiProblem && error.kind === 'validation' ? (
        <p className="problem-detail" lang="en">
          {detail}
        </p>
      ) : null}
      {requestId && locale ? (
        <p className="problem-reference">{t('problem.reference', { id: requestId })}</p>
      ) : null}
    </div>
  );
}
