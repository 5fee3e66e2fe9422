import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Share, ShareAnalytics, ShareChanges } from '@/api/types';
import { ShareSettingsForm, changesFrom, settingsOf } from '@/features/sharing/ShareSettingsForm';
import { dailyViews } from '@/features/sharing/ViewsChart';
import { linkVia, onThisOrigin, platformShareUrl } from '@/features/sharing/share-links';
import { I18nProvider } from '@/i18n/I18nProvider';
import { catalogue } from '@/i18n/messages';

const protectedShare = { hasPassword: true, visibility: 'unlisted', expiresAt: null } as Share;

describe('what the share form asks the API to change', () => {
  test('unticking the password box removes the password a share had', () => {
    const settings = { ...settingsOf(protectedShare), protect: false };
    expect(changesFrom(settings, protectedShare)).toEqual({ visibility: 'unlisted', password: null });
  });

  test('an empty password keeps the one a share has; a new share must be given one', () => {
    expect(changesFrom(settingsOf(protectedShare), protectedShare)).toEqual({ visibility: 'unlisted' });
    const fresh = { ...settingsOf(), protect: true };
    expect(changesFrom(fresh)).toBe('sharing.passwordTooShort');
    expect(changesFrom({ ...fresh, password: 'abc' })).toBe('sharing.passwordTooShort');
    expect(changesFrom({ ...fresh, password: 'abcd' })).toEqual({
      visibility: 'unlisted',
      password: 'abcd',
      expiresAt: null,
    });
  });

  test('an expiry in days becomes a time that many days ahead', () => {
    const before = Date.now();
    const changes = changesFrom({ ...settingsOf(), expiry: '7' }) as ShareChanges;
    const ahead = Date.parse(changes.expiresAt ?? '') - before;
    expect(ahead).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(ahead).toBeLessThan(7 * 86_400_000 + 60_000);
  });

  test('the form refuses a short password and says so next to the field', async () => {
    const sent: ShareChanges[] = [];
    render(
      <I18nProvider locale="en" messages={catalogue('en')}>
        <ShareSettingsForm
          submitLabel="Create the link"
          busy={false}
          onSubmit={(changes) => sent.push(changes)}
        />
      </I18nProvider>,
    );
    await userEvent.click(screen.getByLabelText('Protect it with a password'));
    await userEvent.type(screen.getByLabelText('Password'), 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Create the link' }));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/needs at least 4 characters/);
    expect(sent).toEqual([]);
    await userEvent.type(screen.getByLabelText('Password'), 'd');
    await userEvent.click(screen.getByRole('button', { name: 'Create the link' }));
    expect(sent).toEqual([{ visibility: 'unlisted', password: 'abcd', expiresAt: null }]);
  });
});

describe('links and figures', () => {
  test('every platform gets the link naming it in ?via=', () => {
    const url = 'https://whatif.example/s/AbCdEfGhIjKl';
    expect(linkVia(url, 'copy')).toBe(`${url}?via=copy`);
    expect(decodeURIComponent(platformShareUrl('whatsapp', url, 'Rome'))).toContain(`${url}?via=whatsapp`);
    expect(platformShareUrl('email', url, 'Rome')).toMatch(/^mailto:\?subject=Rome&body=/);
  });

  test("the QR code loads from this site's own origin", () => {
    expect(onThisOrigin('http://localhost:3000/s/AbCdEfGhIjKl/qr.svg')).toBe('/s/AbCdEfGhIjKl/qr.svg');
  });

  test('the chart has a bar for every day of the range, days without views at zero', () => {
    const analytics = {
      from: '2026-11-01',
      to: '2026-11-04',
      days: [{ date: '2026-11-03', views: 5 }],
    } as ShareAnalytics;
    expect(dailyViews(analytics)).toEqual([
      { date: '2026-11-01', views: 0 },
      { date: '2026-11-02', views: 0 },
      { date: '2026-11-03', views: 5 },
      { date: '2026-11-04', views: 0 },
    ]);
  });
});
