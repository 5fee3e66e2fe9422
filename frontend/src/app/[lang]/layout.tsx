import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Announcer } from '@/components/Announcer';
import { SessionBootstrap } from '@/components/SessionGate';
import { SiteFooter } from '@/components/SiteFooter';
import { SiteHeader } from '@/components/SiteHeader';
import { I18nProvider } from '@/i18n/I18nProvider';
import { isLocale, locales } from '@/i18n/locales';
import { catalogue } from '@/i18n/messages';
import '../globals.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const messages = catalogue(isLocale(lang) ? lang : 'en');
  return {
    title: { default: messages['app.name'], template: `%s · ${messages['app.name']}` },
    description: messages['app.description'],
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbf8f3' },
    { media: '(prefers-color-scheme: dark)', color: '#17161c' },
  ],
};

/** Every page in one language: the <html lang> screen readers and line breaking rely on. */
export default async function LanguageLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ lang: string }>;
}) {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  return (
    <html lang={lang}>
      <body>
        <I18nProvider locale={lang} messages={catalogue(lang)}>
          <SessionBootstrap />
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
          <Announcer />
        </I18nProvider>
      </body>
    </html>
  );
}
