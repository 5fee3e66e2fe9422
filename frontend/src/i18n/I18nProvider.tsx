'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatCountry, formatDate, formatDateTime, formatNumber, formatRelativeTime } from './format';
import type { Locale } from './locales';
import type { MessageKey, Messages } from './messages/en';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
  /** Whether the catalogue has this key (problem types map to keys when they can). */
  has: (key: string) => boolean;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  number: (value: number) => string;
  relative: (iso: string) => string;
  country: (code: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Fills `{name}` placeholders; a value is text, never markup. */
export function interpolate(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function createI18n(locale: Locale, messages: Messages): I18n {
  return {
    locale,
    t: (key, values) => interpolate(messages[key], values),
    has: (key) => Object.hasOwn(messages, key),
    date: (iso) => formatDate(locale, iso),
    dateTime: (iso) => formatDateTime(locale, iso),
    number: (value) => formatNumber(locale, value),
    relative: (iso) => formatRelativeTime(locale, iso),
    country: (code) => formatCountry(locale, code),
  };
}

/**
 * The page's language and its message catalogue. The layout (a server component) passes only
 * the catalogue of the page's language, so a page never ships the other one.
 */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const value = useMemo(() => createI18n(locale, messages), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}
