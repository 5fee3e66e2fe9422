'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { hasRole, useSession } from '@/api/useSession';
import { useI18n } from '@/i18n/I18nProvider';
import { localeNames, locales, pathInLocale, rememberLocale } from '@/i18n/locales';
import { useLocalePath } from '@/i18n/useLocalePath';

export function SiteHeader() {
  const { t, locale } = useI18n();
  const session = useSession();
  const pathname = usePathname() ?? `/${locale}`;
  const path = useLocalePath();
  const links: Array<{ href: string; label: string }> = [{ href: path('/'), label: t('nav.ask') }];
  if (session.status === 'signed-in') {
    links.push({ href: path('/history'), label: t('nav.history') });
    links.push({ href: path('/shares'), label: t('nav.shares') });
  }
  if (hasRole(session, 'admin')) links.push({ href: path('/admin'), label: t('nav.admin') });
  links.push(
    session.status === 'signed-in'
      ? { href: path('/account'), label: t('nav.account') }
      : { href: path('/sign-in'), label: t('nav.signIn') },
  );

  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Link href={path('/')} className="brand">
        <span aria-hidden="true" className="brand-mark">
          ?
        </span>
        {t('app.name')}
      </Link>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={pathname === link.href ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('nav.language')} className="language-switch">
        <ul className="nav-list">
          {locales.map((other) => (
            <li key={other}>
              <a
                href={pathInLocale(pathname, other)}
                lang={other}
                hrefLang={other}
                aria-current={other === locale ? 'true' : undefined}
                onClick={(event) => {
                  rememberLocale(other);
                  // Keep the query (a search, an id) across the switch.
                  event.currentTarget.href = `${pathInLocale(pathname, other)}${window.location.search}`;
                }}
              >
                {localeNames[other]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
