import type { ModerationStatus, Scenario } from '@what-if/contracts';

/**
 * The small, mutable half of a saved scenario: what lists show and filter on, and the only
 * item with index keys, so list reads and favourite or tag writes never touch the body.
 */
export interface SummaryItem {
  pk: string;
  sk: string;
  ownerId: string;
  id: string;
  question: string;
  title: string;
  category: Scenario['category'];
  tone: Scenario['tone'];
  language: Scenario['language'];
  createdAt: string;
  parent?: Scenario['parent'];
  /** The user's tags; absent when there are none, as DynamoDB has no empty sets. */
  tags?: Set<string>;
  favorite: boolean;
  rating?: number;
  /** Title and question folded for case- and accent-insensitive search. */
  searchText: string;
  savedAt: string;
  /** Set by a moderation decision (social's); absent means visible. */
  moderation?: ModerationStatus;
  moderationDecidedAt?: string;
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

/** The large, immutable half: the scenario exactly as generation produced it. */
export interface BodyItem {
  pk: string;
  sk: string;
  ownerId: string;
  scenario: Scenario;
}

/** A list entry, as clients see it. */
export interface ScenarioSummary {
  id: string;
  question: string;
  title: string;
  category: Scenario['category'];
  tone: Scenario['tone'];
  language: Scenario['language'];
  tags: string[];
  favorite: boolean;
  rating: number | null;
  createdAt: string;
  parent?: NonNullable<Scenario['parent']>;
}

/** A saved scenario, as clients see it: the scenario with the user's tags, favourite and rating. */
export type SavedScenario = Omit<Scenario, 'tags'> & {
  tags: string[];
  favorite: boolean;
  rating: number | null;
};

function sortedTags(tags: Set<string> | undefined): string[] {
  return [...(tags ?? [])].sort();
}

export function summaryView(item: SummaryItem): ScenarioSummary {
  return {
    id: item.id,
    question: item.question,
    title: item.title,
    category: item.category,
    tone: item.tone,
    language: item.language,
    tags: sortedTags(item.tags),
    favorite: item.favorite,
    rating: item.rating ?? null,
    createdAt: item.createdAt,
    ...(item.parent ? { parent: item.parent } : {}),
  };
}

export function savedScenarioView(summary: SummaryItem, body: BodyItem): SavedScenario {
  return {
    ...body.scenario,
    tags: sortedTags(summary.tags),
    favorite: summary.favorite,
    rating: summary.rating ?? null,
  };
}
