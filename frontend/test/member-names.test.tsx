import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { useMemberNames } from '@/features/social/Member';
import { I18nProvider } from '@/i18n/I18nProvider';
import { catalogue } from '@/i18n/messages';

const ada = '11111111-1111-4111-8111-111111111111';
const bao = '22222222-2222-4222-8222-222222222222';
const gone = '33333333-3333-4333-8333-333333333333';

function wrapper({ children }: { children: ReactNode }) {
  return (
    <SWRConfig value={{ provider: () => new Map() }}>
      <I18nProvider locale="en" messages={catalogue('en')}>
        {children}
      </I18nProvider>
    </SWRConfig>
  );
}

describe('members named by id (notifications, the leaderboard)', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('one read names every member on the page, each once', async () => {
    const fetch = vi.fn(
      async (_path: string) =>
        new Response(
          JSON.stringify({
            items: [
              { id: ada, username: 'ada', displayName: 'Ada', avatarUrl: null },
              { id: bao, username: 'bao', displayName: null, avatarUrl: null },
              { id: gone, username: null, displayName: null, avatarUrl: null },
            ],
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const { result } = renderHook(() => useMemberNames([bao, ada, null, bao, gone]), { wrapper });
    await waitFor(() => expect(result.current(ada)).toBe('Ada'));
    expect(result.current(bao)).toBe('@bao');
    expect(result.current(gone)).toBe('Member 33333333');
    expect(result.current(null)).toBe('');
    expect(fetch).toHaveBeenCalledTimes(1);
    const asked = new URL(String(fetch.mock.calls[0]?.[0]), 'http://site.test');
    expect(asked.pathname).toBe('/api/v1/social/profiles');
    expect(asked.searchParams.get('ids')?.split(',')).toEqual([ada, bao, gone]);
  });

  test('more than 50 members are asked for 50 at a time', async () => {
    const ids = Array.from(
      { length: 60 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    );
    const fetch = vi.fn(async (path: string) => {
      const asked = new URL(path, 'http://site.test').searchParams.get('ids')?.split(',') ?? [];
      const items = asked.map((id) => ({
        id,
        username: null,
        displayName: `N${id.slice(-2)}`,
        avatarUrl: null,
      }));
      return new Response(JSON.stringify({ items }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetch);
    const { result } = renderHook(() => useMemberNames(ids), { wrapper });
    await waitFor(() => expect(result.current(ids[59]!)).toBe('N59'));
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
