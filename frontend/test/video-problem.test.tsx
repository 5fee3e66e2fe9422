import { cleanup, render, screen } from '@testing-library/react';
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

async function goneProblem(type: string, reason: string) {
  return problemFrom(
    new Response(JSON.stringify({ type: `/problems/${type}`, status: 410, reason }), {
      status: 410,
      headers: { 'content-type': 'application/problem+json' },
    }),
  );
}

describe('a shared scenario that is gone, and a video withdrawn with it', () => {
  test('asking for a video of a withdrawn link says why, in both languages', async () => {
    expect(shown(await goneProblem('share-gone', 'revoked'), 'en')).toHaveTextContent(
      'This shared scenario is no longer available: the person who shared it has withdrawn the link.',
    );
    cleanup();
    expect(shown(await goneProblem('share-gone', 'revoked'), 'vi')).toHaveTextContent(
      'Kịch bản được chia sẻ này không còn nữa: người chia sẻ đã thu hồi liên kết.',
    );
  });

  test('a video whose share moderators hid says it may come back', async () => {
    expect(shown(await goneProblem('video-withdrawn', 'hidden'), 'en')).toHaveTextContent(
      /moderators have hidden the shared scenario .* It comes back if they restore it\./,
    );
    cleanup();
    expect(shown(await goneProblem('video-withdrawn', 'hidden'), 'vi')).toHaveTextContent(
      /kiểm duyệt viên đã ẩn kịch bản được chia sẻ/,
    );
  });

  test('a reason this app does not know still gets a sentence, not a status code', async () => {
    expect(shown(await goneProblem('share-gone', 'something-new'), 'en')).toHaveTextContent(
      'This shared scenario is no longer available.',
    );
  });
});
