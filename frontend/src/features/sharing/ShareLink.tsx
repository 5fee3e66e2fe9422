'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import type { Share } from '@/api/types';
import { announce } from '@/components/Announcer';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { linkVia, onThisOrigin, platformShareUrl, sharePlatformsWithLinks } from './share-links';

/**
 * A share's link to copy, send to a platform or scan. `takeFocus` moves the focus to the link
 * as it appears, where the form that made it had the focus (the share dialog).
 */
export function ShareLink({ share, takeFocus = false }: { share: Share; takeFocus?: boolean }) {
  const { t, dateTime } = useI18n();
  const path = useLocalePath();
  const id = useId();
  const text = share.title ?? share.scenarioTitle;
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (takeFocus) field.current?.focus();
  }, [takeFocus]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(linkVia(share.url, 'copy'));
      setCopied(true);
      announce(t('sharing.copied'));
    } catch {
      // Without clipboard access the field stays selected for the person to copy.
      field.current?.select();
      announce(t('sharing.copyByHand'));
    }
  };
  return (
    <div className="share-link">
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('sharing.link')}</label>
        <div className="field-row">
          <input
            ref={field}
            id={`${id}-url`}
            type="url"
            readOnly
            value={share.url}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button button-primary" onClick={() => void copy()}>
            {t('sharing.copy')}
          </button>
        </div>
        {copied ? <p className="field-hint">{t('sharing.copied')}</p> : null}
      </div>
      <p className="item-meta">
        {[
          t(`sharing.visibility.${share.visibility}`),
          share.hasPassword ? t('sharing.hasPassword') : null,
          share.expiresAt
            ? t('sharing.expires', { when: dateTime(share.expiresAt) })
            : t('sharing.expiryNever'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <h3>{t('sharing.sendTo')}</h3>
      <ul className="chips share-platforms">
        {sharePlatformsWithLinks.map((platform) => (
          <li key={platform}>
            <a
              className="button button-small"
              href={platformShareUrl(platform, share.url, text)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t(`sharing.platform.${platform}`)}
              <span className="visually-hidden"> {t('common.newWindow')}</span>
            </a>
          </li>
        ))}
      </ul>
      <figure className="qr-code">
        <img src={onThisOrigin(share.qrCodeSvgUrl)} alt={t('sharing.qrAlt')} width={160} height={160} />
        <figcaption>
          <a href={onThisOrigin(share.qrCodeUrl)} download={`what-if-${share.slug}.png`}>
            {t('sharing.qrDownload')}
          </a>
        </figcaption>
      </figure>
      <p>
        <Link href={path('/shares')}>{t('sharing.manage')}</Link>
      </p>
    </div>
  );
}
