import { render, screen, within } from '@testing-library/react';
import type { ShareAnalytics } from '@/api/types';
import { ViewsChart } from '@/features/sharing/ViewsChart';
import { I18nProvider } from '@/i18n/I18nProvider';
import { catalogue } from '@/i18n/messages';
import type { Locale } from '@/i18n/locales';

const analytics: ShareAnalytics = {
  from: '2026-10-29',
  to: '2026-11-27',
  views: 14,
  days: [{ date: '2026-11-27', views: 14 }],
  via: { facebook: 9, x: 0, linkedin: 0, whatsapp: 0, telegram: 0, email: 0, copy: 5, qr: 0, other: 0 },
  referrers: Array.from({ length: 12 }, (_, index) => ({
    domain: `site-${index + 1}.example.org`,
    views: 12 - index,
  })),
  countries: [
    { country: 'VN', views: 10 },
    { country: 'DE', views: 4 },
  ],
};

function renderIn(locale: Locale, figures: ShareAnalytics = analytics) {
  return render(
    <I18nProvider locale={locale} messages={catalogue(locale)}>
      <ViewsChart analytics={figures} />
    </I18nProvider>,
  );
}

function listAfter(heading: string): HTMLElement {
  const title = screen.getByRole('heading', { name: heading });
  const list = title.nextElementSibling;
  if (!(list instanceof HTMLElement)) throw new Error(`nothing follows ${heading}`);
  return list;
}

describe('where a share’s views came from', () => {
  test('referring sites, most views first, the top ten only; countries by name', () => {
    renderIn('en');
    const sites = within(listAfter('Sites that linked to it'));
    expect(sites.getAllByRole('term').map((term) => term.textContent)).toEqual(
      Array.from({ length: 10 }, (_, index) => `site-${index + 1}.example.org`),
    );
    const countries = within(listAfter('Countries'));
    expect(countries.getAllByRole('term').map((term) => term.textContent)).toEqual(['Vietnam', 'Germany']);
    expect(countries.getAllByRole('definition').map((value) => value.textContent)).toEqual(['10', '4']);
  });

  test('country names in Vietnamese on the Vietnamese page', () => {
    renderIn('vi');
    const countries = within(listAfter('Quốc gia'));
    expect(countries.getAllByRole('term').map((term) => term.textContent)).toEqual(['Việt Nam', 'Đức']);
  });

  test('no referrer or country: no empty headings, only the note on what is kept', () => {
    renderIn('en', { ...analytics, referrers: [], countries: [] });
    expect(screen.queryByRole('heading', { name: 'Sites that linked to it' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Countries' })).toBeNull();
    expect(screen.getByText(/only the site is kept/)).toBeTruthy();
  });
});
