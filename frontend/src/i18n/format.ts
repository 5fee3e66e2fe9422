import type { Locale } from './locales';

/** BCP 47 tags for Intl: Vietnamese dates read "14 thg 3, 2026", English "Mar 14, 2026". */
const intlTag: Record<Locale, string> = { en: 'en-GB', vi: 'vi-VN' };

export function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlTag[locale]).format(value);
}

/** A country's name from its ISO 3166-1 code ("VN": "Vietnam", "Việt Nam"); the code when unknown. */
export function formatCountry(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames(intlTag[locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "in 3 hours", "trong 3 giờ nữa": how long until a limit resets. */
export function formatRelativeTime(locale: Locale, iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(intlTag[locale], { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
}
