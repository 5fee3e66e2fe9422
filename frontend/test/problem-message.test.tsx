import { render, screen } from '@testing-library/react';
import { ApiProblem, problemFrom } from '@/api/problem';
import { ProblemMessage } from '@/components/ProblemMessage';
import { I18nProvider } from '@/i18n/I18nProvider';
import type { Locale } from '@/i18n/locales';
import { catalogue } from '@/i18n/messages';

function shown(error: unknown, locale: Locale = 'en') {
  render(
    <I18nProvider locale={locale} messages={catalogue(locale)}>
      <ProblemMessage error={error} />
    </I18nProvider>,
  );
  return screen.getByRole('alert');
}

function problemResponse(status: number, body: object, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

describe('a failure as the person reads it', () => {
  test('a rate limit says how long to wait, from Retry-After', async () => {
    const error = await problemFrom(
      problemResponse(429, { type: '/problems/rate-limited', status: 429 }, { 'retry-after': '42' }),
    );
    expect(shown(error)).toHaveTextContent('Please wait 42 seconds');
  });

  test('a spent quota names its limit and when it resets, in Vietnamese on a Vietnamese page', async () => {
    const resetAt = new Date(Date.now() + 3 * 3600 * 1000).toISOString();
    const error = await problemFrom(
      problemResponse(429, { type: '/problems/quota-exceeded', status: 429, limit: 5, resetAt }),
    );
    const alert = shown(error, 'vi');
    expect(alert).toHaveTextContent('5');
    expect(alert).toHaveTextContent(/3 giờ/);
  });

  test('a validation problem adds the service’s own detail, and every problem its reference', () => {
    const error = new ApiProblem({
      type: '/problems/validation',
      status: 400,
      detail: 'question must be at least 10 characters',
      requestId: 'req-12345678',
    });
    const alert = shown(error);
    expect(alert).toHaveTextContent('question must be at least 10 characters');
    expect(alert).toHaveTextContent('req-12345678');
  });

  test('model or user text in a problem is shown as text, never as markup', () => {
    const error = new ApiProblem({
      type: '/problems/validation',
      status: 400,
      detail: '<img src=x onerror=alert(1)>',
    });
    const alert = shown(error);
    expect(alert.querySelector('img')).toBeNull();
    expect(alert).toHaveTextContent('<img src=x onerror=alert(1)>');
  });

  test('no answer at all reads as a connection problem', () => {
    expect(shown(new ApiProblem({ type: '/problems/network', status: 0 }))).toHaveTextContent(
      'Check your connection',
    );
  });
});
