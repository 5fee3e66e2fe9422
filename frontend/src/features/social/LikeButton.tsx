'use client';

import { useState } from 'react';
import { api } from '@/api/client';
import type { LikeState } from '@/api/types';
import { useSession } from '@/api/useSession';
import { announce } from '@/components/Announcer';
import { useI18n } from '@/i18n/I18nProvider';

/**
 * Like or take back a like of a post or comment (`path` ends in /like). It starts as the API
 * said (`likedByMe`) and follows each answer from then on.
 */
export function LikeButton({
  path,
  likes,
  liked,
  label,
}: {
  path: string;
  likes: number;
  /** Whether the reader already likes it, as the API said (likedByMe). */
  liked: boolean;
  label: string;
}) {
  const { t, number } = useI18n();
  const session = useSession();
  const [state, setState] = useState<LikeState>({ liked, likes });
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const signedIn = session.status === 'signed-in';
  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const next = await api<LikeState>(path, { method: state.liked ? 'DELETE' : 'PUT' });
      setState(next);
      announce(next.liked ? t('social.liked') : t('social.unliked'));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-pressed={state.liked}
        disabled={!signedIn}
        // Not `disabled` while the like is sent: a disabled button drops the keyboard's focus.
        aria-disabled={busy || undefined}
        title={signedIn ? undefined : t('social.signInToLike')}
        onClick={() => void toggle()}
      >
        {state.liked ? t('social.likedButton') : t('social.like')}
        <span className="visually-hidden"> {label}</span> · {number(state.likes)}
      </button>
      {failed ? (
        <span className="field-error" role="alert">
          {t('social.likeFailed')}
        </span>
      ) : null}
    </>
  );
}
