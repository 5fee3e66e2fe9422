'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { api } from '@/api/client';
import type { Post } from '@/api/types';
import { announce } from '@/components/Announcer';
import { Modal } from '@/components/Modal';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';

/** Publishes a saved scenario to the feed with a caption and tags, for everyone or followers. */
export function PublishDialog({
  scenarioId,
  tags: scenarioTags,
  open,
  onClose,
}: {
  scenarioId: string;
  tags: string[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const path = useLocalePath();
  const id = useId();
  const [caption, setCaption] = useState('');
  const [tags, setTags] = useState(scenarioTags.slice(0, 10).join(', '));
  const [visibility, setVisibility] = useState<Post['visibility']>('public');
  const [post, setPost] = useState<Post | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const list = tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean)
        .slice(0, 10);
      const made = await api<Post>('/api/v1/social/posts', {
        method: 'POST',
        body: { scenarioId, visibility, tags: list, ...(caption.trim() ? { caption: caption.trim() } : {}) },
      });
      setPost(made);
      announce(t('social.published'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('social.publishTitle')} onClose={onClose}>
      {post ? (
        <p className="success" role="status">
          {t('social.published')}{' '}
          <Link href={`${path('/post')}?id=${encodeURIComponent(post.id)}`}>{t('social.openPost')}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor={`${id}-caption`}>{t('social.caption')}</label>
            <textarea
              id={`${id}-caption`}
              rows={3}
              maxLength={500}
              value={caption}
              onChange={(event) => setCaption(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-tags`}>{t('social.tagsField')}</label>
            <input
              id={`${id}-tags`}
              type="text"
              value={tags}
              onChange={(event) => setTags(event.target.value)}
            />
          </div>
          <fieldset className="options">
            <legend>{t('social.visibility')}</legend>
            {(['public', 'followers'] as const).map((value) => (
              <label key={value} className="chip">
                <input
                  type="radio"
                  name={`${id}-visibility`}
                  checked={visibility === value}
                  onChange={() => setVisibility(value)}
                />
                <span>{t(`social.visibility.${value}`)}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('social.publish')}
          </button>
        </form>
      )}
      {error ? <ProblemMessage error={error} /> : null}
    </Modal>
  );
}
