import type { ModerationStatus } from '@what-if/contracts';
import type { Mention } from '../mentions/mention-text';

export const postVisibilities = ['public', 'followers'] as const;
export type PostVisibility = (typeof postVisibilities)[number];

/** What a post shows of its scenario, read from history when it is published. */
export interface ScenarioPreview {
  id: string;
  title: string;
  question: string;
  language: 'en' | 'vi';
  excerpt: string;
}

/**
 * A post. It carries index keys only while it may be shown: gsi1 (the public feed) when it is
 * public and visible, gsi2 (its author's posts) when visible. Hiding a post removes them, so a
 * hidden post leaves every feed by construction rather than by a filter someone may forget.
 */
export interface PostItem {
  pk: string;
  sk: string;
  id: string;
  authorId: string;
  caption: string;
  /** The accounts the caption mentions (absent on posts older than mentions). */
  mentions?: Mention[];
  /** Every account ever told it is mentioned in the caption: an edit tells only new ones. */
  mentionsNotified?: Set<string>;
  tags: string[];
  visibility: PostVisibility;
  moderation: ModerationStatus;
  scenario: ScenarioPreview;
  /** Caption, title, question and tags folded for accent-insensitive search. */
  searchText: string;
  createdAt: string;
  /** Set when the caption, tags or visibility change. */
  editedAt?: string;
  likes: number;
  comments: number;
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

/** A post as clients see it. */
export interface PostView {
  id: string;
  authorId: string;
  scenario: ScenarioPreview;
  caption: string;
  mentions: Mention[];
  tags: string[];
  visibility: PostVisibility;
  moderation: ModerationStatus;
  counts: { likes: number; comments: number };
  createdAt: string;
  editedAt: string | null;
}

export function postView(item: PostItem): PostView {
  return {
    id: item.id,
    authorId: item.authorId,
    scenario: item.scenario,
    caption: item.caption,
    mentions: item.mentions ?? [],
    tags: item.tags,
    visibility: item.visibility,
    moderation: item.moderation,
    // A counter can dip below zero for a moment while a like and an unlike cross.
    counts: { likes: Math.max(0, item.likes), comments: Math.max(0, item.comments) },
    createdAt: item.createdAt,
    editedAt: item.editedAt ?? null,
  };
}
