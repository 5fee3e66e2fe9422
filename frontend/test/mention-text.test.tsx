import { render } from '@testing-library/react';
import { MentionText } from '@/features/social/MentionText';
import { I18nProvider } from '@/i18n/I18nProvider';
import { catalogue } from '@/i18n/messages';

const ada = '11111111-1111-4111-8111-111111111111';
const bao = '22222222-2222-4222-8222-222222222222';

function shown(text: string, mentions?: Array<{ username: string; userId: string }>) {
  const { container } = render(
    <I18nProvider locale="vi" messages={catalogue('vi')}>
      <p>
        <MentionText text={text} mentions={mentions} />
      </p>
    </I18nProvider>,
  );
  const paragraph = container.querySelector('p')!;
  return {
    text: paragraph.textContent,
    links: [...paragraph.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]),
  };
}

describe('@mentions in a caption or comment', () => {
  test("each resolved @username links to the member's profile, in the page's language; the words stay as written", () => {
    const text = 'Cảm ơn @Ada và @bao_ngoc, còn @nobody thì chưa; viết cho ada@example.org. @ada!';
    const seen = shown(text, [
      { username: 'ada', userId: ada },
      { username: 'bao_ngoc', userId: bao },
    ]);
    expect(seen.text).toBe(text);
    expect(seen.links).toEqual([
      ['@Ada', `/vi/profile?id=${ada}`],
      ['@bao_ngoc', `/vi/profile?id=${bao}`],
      ['@ada', `/vi/profile?id=${ada}`],
    ]);
  });

  test('markup in the text stays text', () => {
    const text = '<img src=x onerror=alert(1)> @ada <b>bold</b>';
    const seen = shown(text, [{ username: 'ada', userId: ada }]);
    expect(seen.text).toBe(text);
    expect(seen.links).toEqual([['@ada', `/vi/profile?id=${ada}`]]);
  });

  test('a text without resolved mentions (or from before mentions existed) is plain text', () => {
    expect(shown('Hello @ada', []).links).toEqual([]);
    expect(shown('Hello @ada').links).toEqual([]);
  });
});
