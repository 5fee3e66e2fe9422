'use client';

import { useId, useState, type FormEvent } from 'react';
import { api } from '@/api/client';
import type { Post } from '@/api/types';
import { announce } from '@/components/Announcer';
import { Modal } from '@/components/Modal';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useI18n } from '@/i18n/I18nProvider';
import { PostFields, readPostTags, type PostFieldValues } from './PostFields';

/** The author changes a post's caption, tags or audience; the post is then marked edited. */
export function EditPostDialog({
  post,
  open,
  onClose,
  onSaved,
}: {
  post: Post;
  open: boolean;
  onClose: () => void;
  onSaved: (post: Post) => void;
}) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('social.editPostTitle')} onClose={onClose}>
      <EditPostForm post={post} onSaved={onSaved} />
    </Modal>
  );
}

/** Mounted each time the dialog opens, so it starts from the post as it stands. */
function EditPostForm({ post, onSaved }: { post: Post; onSaved: (post: Post) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [values, setValues] = useState<PostFieldValues>({
    caption: post.caption,
    tags: post.tags.join(', '),
    visibility: post.visibility,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api<Post>(`/api/v1/social/posts/${encodeURIComponent(post.id)}`, {
        method: 'PATCH',
        body: {
          caption: values.caption.trim(),
          tags: readPostTags(values.tags),
          visibility: values.visibility,
        },
      });
      announce(t('social.postEdited'));
      onSaved(saved);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <PostFields id={id} values={values} onChange={setValues} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('social.savePost')}
      </button>
      {error ? <ProblemMessage error={error} /> : null}
    </form>
  );
}
