'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '@/api/client';
import type { Comment, Thread } from '@/api/types';
import { useSession } from '@/api/useSession';
import { announce } from '@/components/Announcer';
import { ProblemMessage } from '@/components/ProblemMessage';
import { LoadMore, usePagedList } from '@/components/usePagedList';
import { useI18n } from '@/i18n/I18nProvider';
import { commentAnchor } from './comment-anchor';
import { LikeButton } from './LikeButton';
import { Member } from './Member';
import { MentionText } from './MentionText';
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
  useLinkedComment(list.items.length);
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

/**
 * Brings a comment named in the address (`#comment-…`) into view once it has loaded, and
 * moves focus to it, so a moderator's link lands on the reported words.
 */
function useLinkedComment(loaded: number) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || loaded === 0) return;
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash.startsWith('comment-')) return;
    const target = document.getElementById(hash);
    if (!target) return;
    done.current = true;
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }, [loaded]);
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
  const field = useRef<HTMLTextAreaElement>(null);
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
      // The button is disabled once the box is empty, which would drop the keyboard's focus:
      // it goes back to the box, ready for the next comment (a reply's form closes instead).
      if (!parentId) field.current?.focus();
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
          ref={field}
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
  const replyToggle = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
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
    <li className="comment" id={commentAnchor(comment.id)} tabIndex={-1}>
      <p className="item-meta">
        <Member userId={comment.authorId} author={comment.author} /> · {dateTime(comment.createdAt)}
        {comment.editedAt ? ` · ${t('social.edited')}` : ''}
      </p>
      {gone ? (
        <p className="comment-gone">
          {comment.deleted ? t('social.commentWasDeleted') : t('social.commentWasHidden')}
        </p>
      ) : editing ? (
        <CommentEditor
          path={commentPath}
          body={comment.body ?? ''}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onChange();
          }}
        />
      ) : (
        <p className="comment-body">
          <MentionText text={comment.body ?? ''} mentions={comment.mentions} />
        </p>
      )}
      {!gone && !editing ? (
        <div className="row-actions">
          <LikeButton
            path={`${commentPath}/like`}
            likes={comment.counts.likes}
            liked={comment.likedByMe ?? false}
            label={t('social.thisComment')}
          />
          {signedIn ? (
            <button
              ref={replyToggle}
              type="button"
              className="button button-small"
              aria-expanded={replying}
              onClick={() => setReplying(!replying)}
            >
              {t('social.reply')}
            </button>
          ) : null}
          {mine ? (
            <>
              <button
                type="button"
                className="button button-small"
                data-edit=""
                onClick={() => setEditing(true)}
              >
                {t('social.editComment')}
              </button>
              <button type="button" className="button button-small" onClick={() => void remove()}>
                {t('social.deleteComment')}
              </button>
            </>
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
            replyToggle.current?.focus();
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

/**
 * The author's own comment, changed in place: the text starts as it stands, Save sends it,
 * Cancel or Escape leaves it, and focus returns to the comment's Edit button either way.
 */
function CommentEditor({
  path,
  body: original,
  onDone,
}: {
  path: string;
  body: string;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState(original);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const field = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => field.current?.focus(), []);
  const finish = (saved: boolean) => {
    // The Edit button comes back when the editor goes; give it the focus the editor had.
    const comment = form.current?.closest('li');
    onDone(saved);
    requestAnimationFrame(() =>
      comment?.querySelector<HTMLButtonElement>(':scope > .row-actions button[data-edit]')?.focus(),
    );
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return;
    if (text === original) return finish(false);
    setBusy(true);
    setError(undefined);
    try {
      await api<Comment>(path, { method: 'PATCH', body: { body: text } });
      announce(t('social.commentEdited'));
      finish(true);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <form
      ref={form}
      className="form comment-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('social.editCommentLabel')}</label>
        <textarea
          ref={field}
          id={`${id}-body`}
          rows={3}
          maxLength={2000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      </div>
      <div className="row-actions">
        <button type="submit" className="button button-small button-primary" disabled={busy || !body.trim()}>
          {t('social.saveComment')}
        </button>
        <button type="button" className="button button-small" onClick={() => finish(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
    </form>
  );
}
