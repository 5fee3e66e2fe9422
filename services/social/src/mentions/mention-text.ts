/** How many distinct accounts one caption or comment may mention; further @names stay plain text. */
export const mentionsPerText = 10;

/**
 * An @username as the user service allows usernames (3 to 30 of a-z, 0-9 and _, any case):
 * not inside a word or an e-mail address (`ada@example.org` mentions nobody) and not the start
 * of a longer run of name characters (`@` followed by 31 of them is no username).
 */
const mentionPattern = /(?<![\p{L}\p{N}_@])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])/gu;

/**
 * The usernames a text mentions, lower case, each once, in the order they first appear, at most
 * `mentionsPerText` of them. Nothing here says the names belong to anyone: resolving them is
 * the user service's answer (mentions.ts).
 */
export function mentionedUsernames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(mentionPattern)) {
    names.add(match[1]!.toLowerCase());
    if (names.size === mentionsPerText) break;
  }
  return [...names];
}

/** An account a text mentions: the name as the text wrote it (lower case) and whose it was then. */
export interface Mention {
  username: string;
  userId: string;
}

/**
 * A text's mentions as a post or comment item keeps them: the list, and the accounts told (a
 * string set, which DynamoDB allows only non-empty, so absent when nobody is mentioned).
 */
export function mentionFields(mentions: readonly Mention[]): {
  mentions: Mention[];
  mentionsNotified?: Set<string>;
} {
  return {
    mentions: [...mentions],
    ...(mentions.length > 0 ? { mentionsNotified: new Set(mentions.map((mention) => mention.userId)) } : {}),
  };
}
