import { pathInLocale, preferredLocale, rememberLocale } from '@/i18n/locales';

function browserLanguages(languages: string[]) {
  Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
}

describe('the language of a visit', () => {
  beforeEach(() => window.localStorage.clear());

  test("the browser's language decides the first visit", () => {
    browserLanguages(['vi-VN', 'en-US']);
    expect(preferredLocale()).toBe('vi');
    browserLanguages(['fr-FR', 'de']);
    expect(preferredLocale()).toBe('en');
  });

  test('a language chosen once is remembered over the browser’s', () => {
    browserLanguages(['vi-VN']);
    rememberLocale('en');
    expect(preferredLocale()).toBe('en');
  });

  test('switching language keeps the page and its query', () => {
    expect(pathInLocale('/en/history', 'vi')).toBe('/vi/history');
    expect(pathInLocale('/vi', 'en')).toBe('/en');
    expect(pathInLocale('/en/scenario', 'vi')).toBe('/vi/scenario');
  });
});
