'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { apiResponse } from '@/api/client';
import { ApiProblem } from '@/api/problem';
import type { Video, VideoOptions, VideoSource } from '@/api/types';
import { Modal } from '@/components/Modal';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { VideoProblem } from './VideoProblem';

const rates = [0.75, 1, 1.25, 1.5] as const;

/**
 * Asks for a narrated video of a saved scenario, or of a share the person may open, with its
 * options, then goes to the video's page to watch it being made. One key per opening of the
 * dialog: pressing twice, or a retry after a lost answer, asks for one video and spends one of
 * the day's quota (the key covers what is asked, not a share's password, so a retry with the
 * password is the same request).
 */
export function VideoDialog({
  source,
  open,
  onClose,
}: {
  source: VideoSource;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const path = useLocalePath();
  const router = useRouter();
  const id = useId();
  const [options, setOptions] = useState<VideoOptions>({
    length: 'short',
    resolution: '720p',
    voice: 'female',
    rate: 1,
    burnCaptions: false,
  });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // A protected share asks for its password only once the service says it is protected.
  const [needsPassword, setNeedsPassword] = useState(false);
  const [password, setPassword] = useState('');
  const passwordField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (needsPassword) passwordField.current?.focus();
  }, [needsPassword]);
  const shared = 'shareSlug' in source;
  const set = (next: Partial<VideoOptions>) => setOptions((current) => ({ ...current, ...next }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const response = await apiResponse('/api/v1/videos', {
        method: 'POST',
        body: { ...source, ...(shared && password ? { sharePassword: password } : {}), ...options },
        headers: { 'idempotency-key': idempotencyKey },
      });
      const video = (await response.json()) as Video;
      router.push(`${path('/video')}?id=${encodeURIComponent(video.id)}`);
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.kind.startsWith('share-password-')) setNeedsPassword(true);
      setError(failure);
      setBusy(false);
    }
  };
  const choice = <K extends 'length' | 'resolution' | 'voice'>(
    name: K,
    values: ReadonlyArray<VideoOptions[K]>,
  ) => (
    <fieldset className="options">
      <legend>{t(`video.option.${name}`)}</legend>
      {values.map((value) => (
        <label key={String(value)} className="chip">
          <input
            type="radio"
            name={`${id}-${name}`}
            checked={options[name] === value}
            onChange={() => set({ [name]: value } as Partial<VideoOptions>)}
          />
          <span>{t(`video.${name}.${value}` as Parameters<typeof t>[0])}</span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <Modal open={open} title={t(shared ? 'video.shareDialogTitle' : 'video.dialogTitle')} onClose={onClose}>
      <p>{t(shared ? 'video.shareDialogLede' : 'video.dialogLede')}</p>
      <form className="form" onSubmit={(event) => void submit(event)}>
        {needsPassword ? (
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('video.sharePassword')}</label>
            <input
              ref={passwordField}
              id={`${id}-password`}
              type="password"
              autoComplete="off"
              required
              maxLength={200}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
        ) : null}
        {choice('length', ['short', 'full'])}
        {choice('voice', ['female', 'male'])}
        {choice('resolution', ['720p', '1080p'])}
        <div className="field">
          <label htmlFor={`${id}-rate`}>{t('video.option.rate')}</label>
          <select
            id={`${id}-rate`}
            value={options.rate}
            onChange={(event) => set({ rate: Number(event.target.value) })}
          >
            {rates.map((rate) => (
              <option key={rate} value={rate}>
                {t('video.rate', { rate })}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-check">
          <input
            id={`${id}-burn`}
            type="checkbox"
            checked={options.burnCaptions}
            onChange={(event) => set({ burnCaptions: event.target.checked })}
          />
          <label htmlFor={`${id}-burn`}>{t('video.option.burnCaptions')}</label>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('video.request')}
        </button>
      </form>
      {error ? <VideoProblem error={error} /> : null}
    </Modal>
  );
}
