'use client';

import { useId, useState, type FormEvent } from 'react';
import { api } from '@/api/client';
import type { Comment, Thread } from '@/api/types';
import { useSession } from '@/api/useSession';
import { announce } from '@/components/Announcer';
import { ProblemMessage } from '@/components/ProblemMessage';
import { LoadMore, usePagedList } from '@/components/usePagedList';
import { useI18n } from '@/i18n/I18nProvider';
import { LikeButton } from './LikeButton';
import { Member } from './Member';
import { ReportDialog } from './ReportDialog';

/**
 * A post's threaded comments: top-level comments, each with its replies. The service keeps
 * threads three deep (a reply to a third-level comment joins its parent), so replying is
 * offered everywhere.
 */
export function Comments({ postId }: { postId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const base = `/api/v1/social/posts/${encodeURIComponent(postId)}/comments`;
  const list = usePagedList<Thread>(session.status === 'unknown' ? null : base, { limit: 20 });
  return (
    <section aria-labelledby="comments-heading" id="comments">
      <h2 id="comments-heading">{t('social.comments')}</h2>
      {session.status === 'signed-in' ? (
        <CommentForm base={base} label={t('social.yourComment')} onSent={() => void list.refresh()} />
      ) : (
        <p className="field-hint">{t('social.signInToComment')}</p>
      )}
      {list.error ? <ProblemMessage error={list.error} /> : null}
      {!list.loading && list.items.length === 0 && !list.error ? <p>{t('social.noComments')}</p> : null}
      <ol className="comment-list" aria-label={t('social.comments')}>
        {list.items.map((thread) => (
          <CommentItem
            key={thread.id}
            comment={thread}
            replies={thread.firstReplies}
            base={base}
            onChange={() => void list.refresh()}
          />
        ))}
      </ol>
      <LoadMore list={list} />
    </section>
  );
}

function CommentForm({
  base,
  parentId,
  label,
  onSent,
}: {
  base: string;
  parentId?: string;
  label: string;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await api<Comment>(base, {
        method: 'POST',
        body: { body: body.trim(), ...(parentId ? { parentId } : {}) },
      });
      setBody('');
      announce(t('social.commentSent'));
      onSent();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form comment-form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={`${id}-body`}>{label}</label>
        <textarea
          id={`${id}-body`}
          rows={3}
          maxLength={2000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-small button-primary" disabled={busy || !body.trim()}>
        {parentId ? t('social.sendReply') : t('social.sendComment')}
      </button>
      {error ? <ProblemMessage error={error} /> : null}
    </form>
  );
}

function CommentItem({
  comment,
  replies,
  base,
  onChange,
}: {
  comment: Comment;
  replies: Comment[];
  base: string;
  onChange: () => void;
}) {
  const { t, dateTime } = useI18n();
  const session = useSession();
  const [replying, setReplying] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [allReplies, setAllReplies] = useState<Comment[] | null>(null);
  const [error, setError] = useState<unknown>();
  const commentPath = `${base}/${encodeURIComponent(comment.id)}`;
  const signedIn = session.status === 'signed-in';
  const mine = signedIn && session.user?.id === comment.authorId;
  const shownReplies = allReplies ?? replies;
  const gone = comment.deleted || comment.moderation !== 'visible';
  const remove = async () => {
    try {
      await api(commentPath, { method: 'DELETE' });
      announce(t('social.commentDeleted'));
      onChange();
    } catch (failure) {
      setError(failure);
    }
  };
  const showAll = async () => {
    try {
      const page = await api<{ items: Comment[] }>(`${commentPath}/replies?limit=50`);
      setAllReplies(page.items);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <li className="comment">
      <p className="item-meta">
        <Member userId={comment.authorId} /> · {dateTime(comment.createdAt)}
        {comment.editedAt ? ` · ${t('social.edited')}` : ''}
      </p>
      {gone ? (
        <p className="comment-gone">
          {comment.deleted ? t('social.commentWasDeleted') : t('social.commentWasHidden')}
        </p>
      ) : (
        <p className="comment-body">{comment.body}</p>
      )}
      {!gone ? (
        <div className="row-actions">
          <LikeButton
            path={`${commentPath}/like`}
            likes={comment.counts.likes}
            label={t('social.thisComment')}
          />
          {signedIn ? (
            <button
              type="button"
              className="button button-small"
              aria-expanded={replying}
              onClick={() => setReplying(!replying)}
            >
              {t('social.reply')}
            </button>
          ) : null}
          {mine ? (
            <button type="button" className="button button-small" onClick={() => void remove()}>
              {t('social.deleteComment')}
            </button>
          ) : null}
          {signedIn && !mine ? (
            <button type="button" className="button button-small" onClick={() => setReporting(true)}>
              {t('social.reportComment')}
            </button>
          ) : null}
        </div>
      ) : null}
      {replying ? (
        <CommentForm
          base={base}
          parentId={comment.id}
          label={t('social.yourReply')}
          onSent={() => {
            setReplying(false);
            setAllReplies(null);
            onChange();
          }}
        />
      ) : null}
      {error ? <ProblemMessage error={error} /> : null}
      {shownReplies.length > 0 ? (
        <ol className="comment-list comment-replies" aria-label={t('social.replies')}>
          {shownReplies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} replies={[]} base={base} onChange={onChange} />
          ))}
        </ol>
      ) : null}
      {!allReplies && comment.counts.replies > replies.length ? (
        <button type="button" className="link-button" onClick={() => void showAll()}>
          {t('social.allReplies', { count: comment.counts.replies })}
        </button>
      ) : null}
      <ReportDialog open={reporting} path={`${commentPath}/reports`} onClose={() => setReporting(false)} />
    </li>
  );
}
