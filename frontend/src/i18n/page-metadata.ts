import type { Metadata } from 'next';
import { isLocale } from './locales';
import { catalogue } from './messages';
import type { MessageKey } from './messages/en';

/** A page's <title> in its language. */
export function pageMetadata(titleKey: MessageKey) {
  return async ({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> => {
    const { lang } = await params;
    return { title: catalogue(isLocale(lang) ? lang : 'en')[titleKey] };
  };
}
