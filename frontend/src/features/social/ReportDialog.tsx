'use client';

import { useId, useState, type FormEvent } from 'react';
import { api } from '@/api/client';
import { reportReasons, type ReportReason } from '@/api/types';
import { DoneMessage } from '@/components/DoneMessage';
import { Modal } from '@/components/Modal';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';

/** Tells the moderators about a post or a comment: a reason and, if the reporter likes, a note. */
export function ReportDialog({ open, path, onClose }: { open: boolean; path: string; onClose: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api(path, { method: 'POST', body: { reason, ...(note.trim() ? { note: note.trim() } : {}) } });
      setSent(true);
    } catch (failure) {
      setError(failure);
    }
  };
  const close = () => {
    setSent(false);
    setNote('');
    setError(undefined);
    onClose();
  };
  return (
    <Modal open={open} title={t('report.title')} onClose={close}>
      {sent ? (
        <DoneMessage>{t('report.sent')}</DoneMessage>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('report.reason')}</label>
            <select
              id={`${id}-reason`}
              value={reason}
              onChange={(event) => setReason(event.target.value as ReportReason)}
            >
              {reportReasons.map((value) => (
                <option key={value} value={value}>
                  {t(`report.reason.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('report.note')}</label>
            <textarea
              id={`${id}-note`}
              maxLength={1000}
              rows={3}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary">
            {t('report.send')}
          </button>
        </form>
      )}
      {error ? <ProblemMessage error={error} /> : null}
    </Modal>
  );
}
