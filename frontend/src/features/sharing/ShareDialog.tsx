'use client';

import { useState } from 'react';
import { api, apiResponse } from '@/api/client';
import type { Share, ShareChanges } from '@/api/types';
import { announce } from '@/components/Announcer';
import { Modal } from '@/components/Modal';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';
import { ShareLink } from './ShareLink';
import { ShareSettingsForm } from './ShareSettingsForm';

/**
 * Shares a saved scenario: choose who may see it, a password and an expiry, then copy the
 * link, send it or show its QR code. A scenario has one live link; asking again gives that
 * link the settings chosen here.
 */
export function ShareDialog({
  scenarioId,
  open,
  onClose,
}: {
  scenarioId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [share, setShare] = useState<Share | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const create = async (changes: ShareChanges) => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await apiResponse('/api/v1/shares', {
        method: 'POST',
        body: {
          scenarioId,
          visibility: changes.visibility,
          ...(changes.password ? { password: changes.password } : {}),
          ...(changes.expiresAt ? { expiresAt: changes.expiresAt } : {}),
        },
      });
      let made = (await response.json()) as Share;
      if (response.status === 200) {
        // The scenario already had a live link: it takes the settings chosen now.
        made = await api<Share>(`/api/v1/shares/${made.slug}`, {
          method: 'PATCH',
          body: {
            visibility: changes.visibility,
            password: changes.password ?? null,
            expiresAt: changes.expiresAt ?? null,
          },
        });
      }
      setShare(made);
      announce(t('sharing.created'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('sharing.dialogTitle')}
      onClose={() => {
        setShare(null);
        setError(undefined);
        onClose();
      }}
    >
      {share ? (
        <ShareLink share={share} takeFocus />
      ) : (
        <>
          <p>{t('sharing.dialogLede')}</p>
          <ShareSettingsForm
            submitLabel={t('sharing.create')}
            busy={busy}
            onSubmit={(changes) => void create(changes)}
          />
        </>
      )}
      {error ? <ProblemMessage error={error} /> : null}
    </Modal>
  );
}
