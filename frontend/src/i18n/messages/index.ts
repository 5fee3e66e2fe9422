import type { Locale } from '../locales';
import { en, type Messages } from './en';
import { vi } from './vi';

const catalogues: Record<Locale, Messages> = { en, vi };

/** The catalogue of one language; server components pass it to the client provider. */
export function catalogue(locale: Locale): Messages {
  return catalogues[locale];
}
