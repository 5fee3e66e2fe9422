/** The languages of the web app; every message exists in each (a test fails otherwise). */
export const locales = ['en', 'vi'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Each language named in itself, as a switcher shows it. */
export const localeNames: Record<Locale, string> = { en: 'English', vi: 'Tiếng Việt' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

const storageKey = 'whatif.language';

/** The language chosen before on this browser, else the browser's own, else English. */
export function preferredLocale(): Locale {
  try {
    const remembered = window.localStorage.getItem(storageKey);
    if (isLocale(remembered)) return remembered;
  } catch {
    // Storage can be off (private modes); the browser's languages still answer.
  }
  for (const language of window.navigator.languages ?? [window.navigator.language]) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered; the path still carries the language.
  }
}

/** The same page in another language: the first path segment is the language. */
export function pathInLocale(pathname: string, locale: Locale): string {
  const rest = pathname.replace(/^\/(en|vi)(?=\/|$)/, '');
  return `/${locale}${rest === '/' ? '' : rest}`;
}
