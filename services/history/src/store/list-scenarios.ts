import type { ScenarioCategory, ScenarioLanguage } from '@what-if/contracts';
import { readSortedPage } from '@what-if/kit/dynamodb';
import {
  type ListingIndex,
  favoritesIndex,
  favoritesPartition,
  historyIndex,
  historyPartition,
} from './keys';
import { type ScenarioSummary, type SummaryItem, summaryView } from './records';
import type { StoreContext } from './store-context';

/** The filters of a list request; `q` arrives folded (see search-text.ts). */
export interface ListFilters {
  tag?: string;
  favorite?: boolean;
  category?: ScenarioCategory;
  /** The language the scenario was written in. */
  language?: ScenarioLanguage;
  q?: string;
}

export interface ListRequest {
  ownerId: string;
  limit: number;
  /** The chronological key of the last item already seen; the page starts after it. */
  after?: string;
  filters: ListFilters;
}

export interface ListPage {
  items: ScenarioSummary[];
  /** Where the next page starts; absent on the last page. */
  after?: string;
  /** Summaries DynamoDB read for this page, matching or not: what the page cost. */
  summariesRead: number;
  /** Filters were applied while reading (anything but the favourites index alone). */
  filtered: boolean;
  /** The read budget ran out before the page filled. */
  cutShort: boolean;
}

/**
 * How many summaries one list request may read while filtering. A filter that matches
 * rarely then answers a short (even empty) page with a cursor to go on from, instead of
 * reading a whole long history in one request.
 */
export const listReadBudget = 1_000;

interface FilterExpression {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** The filters no index answers, as one FilterExpression; undefined when there are none. */
function filterExpression(filters: ListFilters): FilterExpression | undefined {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filters.favorite === false) {
    clauses.push('favorite = :notFavorite');
    values[':notFavorite'] = false;
  }
  if (filters.category) {
    clauses.push('category = :category');
    values[':category'] = filters.category;
  }
  if (filters.language) {
    // LANGUAGE is one of DynamoDB's reserved words, so the attribute goes by a name placeholder.
    clauses.push('#language = :language');
    names['#language'] = 'language';
    values[':language'] = filters.language;
  }
  if (filters.tag) {
    clauses.push('contains(tags, :tag)');
    values[':tag'] = filters.tag;
  }
  if (filters.q) {
    clauses.push('contains(searchText, :q)');
    values[':q'] = filters.q;
  }
  return clauses.length ? { expression: clauses.join(' AND '), names, values } : undefined;
}

/**
 * A page of the caller's history, newest first. Favourites read the sparse favourites
 * index, everything else the history index; the other filters are applied by DynamoDB
 * as it reads, so a page fills by reading on until it has one item more than asked for
 * (which proves a next page exists), the history ends, or the read budget is spent.
 */
export async function listScenarios(context: StoreContext, request: ListRequest): Promise<ListPage> {
  const index: ListingIndex = request.filters.favorite === true ? favoritesIndex : historyIndex;
  const partition =
    index === favoritesIndex ? favoritesPartition(request.ownerId) : historyPartition(request.ownerId);
  const filter = filterExpression(request.filters);
  // Both indexes order by the history's chronological key, so it is the position in either.
  const page = await readSortedPage<SummaryItem>(context, {
    listing: { index: index.name, partitionKey: index.partitionKey, sortKey: index.sortKey },
    partition,
    limit: request.limit,
    ...(request.after ? { after: request.after } : {}),
    ...(filter ? { filter } : {}),
    readBudget: listReadBudget,
  });
  return {
    items: page.items.map(summaryView),
    ...(page.after ? { after: page.after } : {}),
    summariesRead: page.scannedCount,
    filtered: filter !== undefined,
    cutShort: page.cutShort,
  };
}
