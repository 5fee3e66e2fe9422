'use client';

import { useEffect } from 'react';
import { localeNames, locales, preferredLocale } from '@/i18n/locales';

/**
 * Sends the browser to `target` in the language chosen before (or the browser's), keeping the
 * query: a mailed /verify-email?token=… becomes /vi/verify-email?token=…. Without JavaScript,
 * links in both languages do the same.
 */
export function LanguageRedirect({ target }: { target: string }) {
  useEffect(() => {
    const { search, hash } = window.location;
    window.location.replace(`/${preferredLocale()}${target}${search}${hash}`);
  }, [target]);
  return (
    <div className="entry">
      <h1>
        <span lang="en">What If</span>
      </h1>
      <ul className="entry-languages">
        {locales.map((locale) => (
          <li key={locale}>
            <a href={`/${locale}${target}`} lang={locale} hrefLang={locale}>
              {localeNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
