'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Share, ShareChanges, ShareVisibility } from '@/api/types';
import { useI18n } from '@/i18n/I18nProvider';
import { expiryChoices, expiryFrom, type ExpiryChoice } from './share-links';

export interface ShareSettings {
  visibility: ShareVisibility;
  protect: boolean;
  password: string;
  expiry: ExpiryChoice | 'keep';
}

export const minimumSharePassword = 4;

export function settingsOf(share?: Share): ShareSettings {
  return {
    visibility: share?.visibility ?? 'unlisted',
    protect: share?.hasPassword ?? false,
    password: '',
    expiry: share ? 'keep' : 'never',
  };
}

/**
 * What the API is asked to change. An empty password on a share that already has one keeps
 * it; an unticked box removes it. Returns a message key when the settings cannot be sent.
 */
export function changesFrom(
  settings: ShareSettings,
  share?: Share,
): ShareChanges | 'sharing.passwordTooShort' {
  const changes: ShareChanges = { visibility: settings.visibility };
  if (settings.protect) {
    if (settings.password.length >= minimumSharePassword) changes.password = settings.password;
    else if (settings.password.length > 0 || !share?.hasPassword) return 'sharing.passwordTooShort';
  } else if (share?.hasPassword) {
    changes.password = null;
  }
  if (settings.expiry !== 'keep') changes.expiresAt = expiryFrom(settings.expiry);
  return changes;
}

/** Visibility, an optional password and an expiry: for a new link and for changing one. */
export function ShareSettingsForm({
  share,
  submitLabel,
  busy,
  onSubmit,
}: {
  share?: Share;
  submitLabel: string;
  busy: boolean;
  onSubmit: (changes: ShareChanges) => void;
}) {
  const { t, dateTime } = useI18n();
  const id = useId();
  const [settings, setSettings] = useState<ShareSettings>(() => settingsOf(share));
  const [invalid, setInvalid] = useState(false);
  const set = (next: Partial<ShareSettings>) => setSettings((current) => ({ ...current, ...next }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = changesFrom(settings, share);
    if (typeof changes === 'string') {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onSubmit(changes);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="options">
        <legend>{t('sharing.visibility')}</legend>
        {(['unlisted', 'public'] as const).map((visibility) => (
          <label key={visibility} className="chip">
            <input
              type="radio"
              name={`${id}-visibility`}
              checked={settings.visibility === visibility}
              onChange={() => set({ visibility })}
            />
            <span>{t(`sharing.visibility.${visibility}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field field-check">
        <input
          id={`${id}-protect`}
          type="checkbox"
          checked={settings.protect}
          onChange={(event) => set({ protect: event.target.checked })}
        />
        <label htmlFor={`${id}-protect`}>{t('sharing.protect')}</label>
      </div>
      {settings.protect ? (
        <div className="field">
          <label htmlFor={`${id}-password`}>
            {share?.hasPassword ? t('sharing.newPassword') : t('sharing.password')}
          </label>
          <p className="field-hint" id={`${id}-password-hint`}>
            {share?.hasPassword
              ? t('sharing.passwordKeepHint')
              : t('sharing.passwordHint', { min: minimumSharePassword })}
          </p>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={settings.password}
            aria-describedby={`${id}-password-hint${invalid ? ` ${id}-password-error` : ''}`}
            aria-invalid={invalid || undefined}
            onChange={(event) => set({ password: event.target.value })}
          />
          {invalid ? (
            <p className="field-error" id={`${id}-password-error`}>
              {t('sharing.passwordTooShort', { min: minimumSharePassword })}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-expiry`}>{t('sharing.expiry')}</label>
        <select
          id={`${id}-expiry`}
          value={settings.expiry}
          onChange={(event) => set({ expiry: event.target.value as ShareSettings['expiry'] })}
        >
          {share ? (
            <option value="keep">
              {share.expiresAt
                ? t('sharing.expiryKeep', { when: dateTime(share.expiresAt) })
                : t('sharing.expiryKeepNever')}
            </option>
          ) : null}
          {expiryChoices.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'never'
                ? t('sharing.expiryNever')
                : t('sharing.expiryDays', { days: Number(choice) })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
