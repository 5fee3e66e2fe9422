'use client';

import { useI18n } from '@/i18n/I18nProvider';

export interface ToastMessage {
  id: number;
  text: string;
  undo?: () => void;
}

/** What just happened, with Undo when it can be taken back; polite, and dismissible. */
export function Toast({ toast, onClose }: { toast: ToastMessage | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast ? (
        <div className="toast" key={toast.id}>
          <span>{toast.text}</span>
          {toast.undo ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                toast.undo?.();
                onClose();
              }}
            >
              {t('common.undo')}
            </button>
          ) : null}
          <button type="button" className="button button-small" onClick={onClose}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
