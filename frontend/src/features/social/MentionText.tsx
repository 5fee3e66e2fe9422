'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Mention } from '@/api/types';
import { useLocalePath } from '@/i18n/useLocalePath';

/**
 * An @username as social finds one: 3 to 30 of a-z, 0-9 and _, any case, not inside a word or
 * an e-mail address, and not the start of a longer run of name characters.
 */
const mentionPattern = /(?<![\p{L}\p{N}_@])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])/gu;

/**
 * A caption or comment with each @username social resolved as a link to that member's profile.
 * The text stays text (React text nodes, never HTML); an @name social did not resolve (nobody
 * had it, or past the tenth) stays plain, as written.
 */
export function MentionText({ text, mentions }: { text: string; mentions?: readonly Mention[] | undefined }) {
  const path = useLocalePath();
  if (!mentions || mentions.length === 0) return <>{text}</>;
  const accounts = new Map(mentions.map((mention) => [mention.username.toLowerCase(), mention.userId]));
  const parts: ReactNode[] = [];
  let written = 0;
  for (const match of text.matchAll(mentionPattern)) {
    const userId = accounts.get(match[1]!.toLowerCase());
    if (!userId) continue;
    parts.push(text.slice(written, match.index));
    parts.push(
      <Link
        key={match.index}
        className="mention"
        href={`${path('/profile')}?id=${encodeURIComponent(userId)}`}
      >
        {match[0]}
      </Link>,
    );
    written = match.index + match[0].length;
  }
  parts.push(text.slice(written));
  return <>{parts}</>;
}
