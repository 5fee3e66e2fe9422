import type { ModerationStatus } from '@what-if/contracts';
import type { Mention } from '../mentions/mention-text';
import type { CommentItem } from './comments';

/** A comment as clients see it; a deleted one keeps its place with neither words nor author. */
export interface CommentView {
  id: string;
  postId: string;
  parentId: string | null;
  depth: number;
  authorId: string | null;
  body: string | null;
  /** The accounts the body mentions; empty when there is no body to show. */
  mentions: Mention[];
  deleted: boolean;
  moderation: ModerationStatus;
  createdAt: string;
  editedAt: string | null;
  counts: { likes: number; replies: number };
}

export function commentView(item: CommentItem): CommentView {
  const moderation = item.moderation ?? 'visible';
  const shown = moderation === 'visible';
  return {
    id: item.id,
    postId: item.postId,
    parentId: item.parentId,
    depth: item.depth,
    authorId: shown ? (item.authorId ?? null) : null,
    body: shown ? (item.body ?? null) : null,
    mentions: shown && item.body !== undefined ? (item.mentions ?? []) : [],
    deleted: item.deletedAt !== undefined,
    moderation,
    createdAt: item.createdAt,
    editedAt: item.editedAt ?? null,
    // A counter can dip below zero for a moment while a like and an unlike cross.
    counts: { likes: Math.max(0, item.likes), replies: Math.max(0, item.replies) },
  };
}
