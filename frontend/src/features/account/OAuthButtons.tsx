'use client';

import { useEffect, useState } from 'react';
import { api } from '@/api/client';
import type { OAuthProvider } from '@/api/types';
import { useI18n } from '@/i18n/I18nProvider';

const returnKey = 'whatif.after-sign-in';

/** Where /auth/complete sends the browser once a provider signed the person in. */
export function rememberReturnPath(path: string): void {
  try {
    window.sessionStorage.setItem(returnKey, path);
  } catch {
    // The home page is the fallback.
  }
}

export function takeReturnPath(): string | null {
  try {
    const path = window.sessionStorage.getItem(returnKey);
    window.sessionStorage.removeItem(returnKey);
    return path;
  } catch {
    return null;
  }
}

const providerNames: Record<string, string> = { google: 'Google', facebook: 'Facebook' };

export function providerLabel(name: string): string {
  return providerNames[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

/** Sign in with each configured provider: a full-page visit to the user service's start route. */
export function OAuthButtons({ next }: { next: string }) {
  const { t } = useI18n();
  const [providers, setProviders] = useState<OAuthProvider[]>([]);
  useEffect(() => {
    api<{ items: OAuthProvider[] }>('/api/v1/auth/oauth/providers').then(
      (answer) => setProviders(answer.items),
      () => setProviders([]),
    );
  }, []);
  if (providers.length === 0) return null;
  return (
    <section aria-labelledby="oauth-heading" className="card">
      <h2 id="oauth-heading">{t('signIn.withProvider')}</h2>
      <ul className="row-actions">
        {providers.map((provider) => (
          <li key={provider.name}>
            <a
              className="button"
              href={`/api/v1/auth/oauth/${encodeURIComponent(provider.name)}/start`}
              onClick={() => rememberReturnPath(next)}
            >
              {t('signIn.continueWith', { provider: providerLabel(provider.name) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
