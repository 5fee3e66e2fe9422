'use client';

import Link from 'next/link';
import type { Post } from '@/api/types';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { LikeButton } from './LikeButton';
import { Member } from './Member';
import { MentionText } from './MentionText';

/** A post as feeds and profiles show it: the scenario's title, question and opening, likes and comments. */
export function PostCard({ post, headingLevel = 2 }: { post: Post; headingLevel?: 2 | 3 }) {
  const { t, dateTime, number } = useI18n();
  const path = useLocalePath();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const postPath = `${path('/post')}?id=${encodeURIComponent(post.id)}`;
  return (
    <article className="post-card" aria-labelledby={`post-${post.id}`}>
      <p className="item-meta">
        <Member userId={post.authorId} author={post.author} /> · {dateTime(post.createdAt)}
        {post.editedAt ? ` · ${t('social.edited')}` : ''}
        {post.visibility === 'followers' ? ` · ${t('social.visibility.followers')}` : ''}
        {post.moderation !== 'visible' ? (
          <>
            {' '}
            <span className={`badge badge-${post.moderation}`}>{t(`sharing.state.${post.moderation}`)}</span>
          </>
        ) : null}
      </p>
      <Heading id={`post-${post.id}`} className="post-title" lang={post.scenario.language}>
        <Link href={postPath}>{post.scenario.title}</Link>
      </Heading>
      <p className="result-question" lang={post.scenario.language}>
        {post.scenario.question}
      </p>
      <p lang={post.scenario.language}>{post.scenario.excerpt}</p>
      {post.caption ? (
        <p className="post-caption">
          <MentionText text={post.caption} mentions={post.mentions} />
        </p>
      ) : null}
      {post.tags.length > 0 ? (
        <ul className="tags" aria-label={t('social.tags')}>
          {post.tags.map((tag) => (
            <li key={tag}>
              <Link
                href={`${path('/feed')}?tag=${encodeURIComponent(tag)}`}
                aria-label={t('social.tagLink', { tag })}
              >
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row-actions">
        <LikeButton
          path={`/api/v1/social/posts/${encodeURIComponent(post.id)}/like`}
          likes={post.counts.likes}
          liked={post.likedByMe ?? false}
          label={post.scenario.title}
        />
        <Link className="button button-small" href={`${postPath}#comments`}>
          {t('social.commentsCount', { count: number(post.counts.comments) })}
          <span className="visually-hidden"> {post.scenario.title}</span>
        </Link>
      </div>
    </article>
  );
}
