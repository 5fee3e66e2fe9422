'use client';

import { useId, type ReactNode } from 'react';
import { useI18n } from '@/i18n/I18nProvider';
import { useModalDialog } from './useModalDialog';

/**
 * A modal panel on the native <dialog> for work that takes more than a yes or no (sharing,
 * a video's options, a report): focus moves in and stays, Escape or Close ends it, and focus
 * returns to what opened it.
 */
export function Modal({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { dialog, onKeyDown } = useModalDialog(open);
  const titleId = useId();
  return (
    <dialog
      ref={dialog}
      className="dialog dialog-wide"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {open ? children : null}
    </dialog>
  );
}
