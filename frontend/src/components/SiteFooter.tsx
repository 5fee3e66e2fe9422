'use client';

import { useI18n } from '@/i18n/I18nProvider';

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>{t('app.footer')}</p>
    </footer>
  );
}
