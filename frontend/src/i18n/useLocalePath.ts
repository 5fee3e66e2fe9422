'use client';

import { useI18n } from './I18nProvider';

/** Paths of this app in the page's language: "/history" → "/vi/history". */
export function useLocalePath(): (path: string) => string {
  const { locale } = useI18n();
  return (path) => `/${locale}${path === '/' ? '' : path}`;
}
