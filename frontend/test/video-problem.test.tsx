import { render, screen } from '@testing-library/react';
import { problemFrom } from '@/api/problem';
import { VideoProblem } from '@/features/video/VideoProblem';
import { I18nProvider } from '@/i18n/I18nProvider';
import type { Locale } from '@/i18n/locales';
import { catalogue } from '@/i18n/messages';

async function quotaProblem() {
  const resetAt = new Date(Date.now() + 5 * 3_600_000).toISOString();
  return problemFrom(
    new Response(JSON.stringify({ type: '/problems/quota-exceeded', status: 429, limit: 3, resetAt }), {
      status: 429,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '18000' },
    }),
  );
}

function shown(error: unknown, locale: Locale) {
  render(
    <I18nProvider locale={locale} messages={catalogue(locale)}>
      <VideoProblem error={error} />
    </I18nProvider>,
  );
  return screen.getByRole('alert');
}

describe('the daily video quota, as the person reads it', () => {
  test('says how many videos a day and when the next one can be made, in English', async () => {
    expect(shown(await quotaProblem(), 'en')).toHaveTextContent(
      /You have made today’s 3 videos\. You can make another in 5 hours \(/,
    );
  });

  test('and in Vietnamese', async () => {
    expect(shown(await quotaProblem(), 'vi')).toHaveTextContent(
      /Hôm nay bạn đã làm đủ 3 video\. Bạn có thể làm tiếp sau 5 giờ nữa/,
    );
  });

  test('any other failure is the usual problem message', async () => {
    const notFound = await problemFrom(
      new Response(JSON.stringify({ type: '/problems/not-found', status: 404 }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
    expect(shown(notFound, 'en')).not.toHaveTextContent(/videos/);
  });
});
