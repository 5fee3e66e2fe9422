'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { hasRole, useSession } from '@/api/useSession';
import { useI18n } from '@/i18n/I18nProvider';
import { localeNames, locales, pathInLocale, rememberLocale } from '@/i18n/locales';
import { useLocalePath } from '@/i18n/useLocalePath';
import { useUnreadCount } from '@/features/notifications/unread-count';

export function SiteHeader() {
  const { t, locale } = useI18n();
  const session = useSession();
  const pathname = usePathname() ?? `/${locale}`;
  const path = useLocalePath();
  const signedIn = session.status === 'signed-in';
  const unread = useUnreadCount(signedIn);
  const links: Array<{ href: string; label: string; badge?: string }> = [
    { href: path('/'), label: t('nav.ask') },
    { href: path('/feed'), label: t('nav.feed') },
    { href: path('/leaderboard'), label: t('nav.leaderboard') },
  ];
  if (signedIn) {
    links.push({ href: path('/history'), label: t('nav.history') });
    links.push({ href: path('/shares'), label: t('nav.shares') });
    links.push({ href: path('/videos'), label: t('nav.videos') });
  }
  if (hasRole(session, 'moderator') || hasRole(session, 'admin')) {
    links.push({ href: path('/moderation'), label: t('nav.moderation') });
  }
  if (hasRole(session, 'admin')) links.push({ href: path('/admin'), label: t('nav.admin') });
  if (signedIn) {
    links.push({
      href: path('/notifications'),
      label: unread ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications'),
      ...(unread ? { badge: unread > 99 ? '99+' : String(unread) } : {}),
    });
  }
  links.push(
    signedIn
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
      <nav aria-label={t('nav.label')} className="site-nav">
        <ul className="nav-list">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={pathname === link.href ? 'page' : undefined}>
                {link.badge ? (
                  <>
                    <span className="visually-hidden">{link.label}</span>
                    <span aria-hidden="true">
                      {t('nav.notifications')} <span className="badge badge-count">{link.badge}</span>
                    </span>
                  </>
                ) : (
                  link.label
                )}
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
