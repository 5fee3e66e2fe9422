'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { api } from '@/api/client';
import type { Post } from '@/api/types';
import { announce } from '@/components/Announcer';
import { DoneMessage } from '@/components/DoneMessage';
import { Modal } from '@/components/Modal';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { PostFields, readPostTags, type PostFieldValues } from './PostFields';

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
  const [values, setValues] = useState<PostFieldValues>({
    caption: '',
    tags: scenarioTags.slice(0, 10).join(', '),
    visibility: 'public',
  });
  const [post, setPost] = useState<Post | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const caption = values.caption.trim();
      const made = await api<Post>('/api/v1/social/posts', {
        method: 'POST',
        body: {
          scenarioId,
          visibility: values.visibility,
          tags: readPostTags(values.tags),
          ...(caption ? { caption } : {}),
        },
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
        <DoneMessage>
          {t('social.published')}{' '}
          <Link href={`${path('/post')}?id=${encodeURIComponent(post.id)}`}>{t('social.openPost')}</Link>
        </DoneMessage>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)}>
          <PostFields id={id} values={values} onChange={setValues} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('social.publish')}
          </button>
        </form>
      )}
      {error ? <ProblemMessage error={error} /> : null}
    </Modal>
  );
}
