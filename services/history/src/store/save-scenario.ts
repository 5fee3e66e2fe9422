import type { Scenario } from '@what-if/contracts';
import { putIfAbsent } from '@what-if/kit/dynamodb';
import { foldForSearch } from '../search-text';
import {
  bodySortKey,
  chronologicalKey,
  historyIndex,
  historyPartition,
  scenarioPartition,
  summarySortKey,
} from './keys';
import { readBody, readScenarioItems } from './read-scenario';
import { type BodyItem, type SavedScenario, type SummaryItem, savedScenarioView } from './records';
import type { StoreContext } from './store-context';

export type SaveOutcome =
  | { outcome: 'created'; saved: SavedScenario }
  | { outcome: 'existing'; saved: SavedScenario }
  | { outcome: 'owned-by-another' };

function summaryOf(ownerId: string, scenario: Scenario, savedAt: string): SummaryItem {
  return {
    pk: scenarioPartition(scenario.id),
    sk: summarySortKey,
    ownerId,
    id: scenario.id,
    question: scenario.question,
    title: scenario.title,
    category: scenario.category,
    tone: scenario.tone,
    language: scenario.language,
    createdAt: scenario.createdAt,
    ...(scenario.parent ? { parent: scenario.parent } : {}),
    // The generated tags are where the user's own tags start; from here on they are the user's.
    ...(scenario.tags.length > 0 ? { tags: new Set(scenario.tags) } : {}),
    favorite: false,
    searchText: `${foldForSearch(scenario.title)}\n${foldForSearch(scenario.question)}`,
    savedAt,
    [historyIndex.partitionKey]: historyPartition(ownerId),
    [historyIndex.sortKey]: chronologicalKey(scenario.createdAt, scenario.id),
  };
}

/**
 * Saves a scenario for its owner, idempotent by id without transactions: the body is
 * written first and only where absent, so it claims the id for one owner; the summary,
 * which makes the scenario visible, follows, also only where absent. A retry (or a
 * concurrent duplicate) finds the body its own and completes or returns what is stored;
 * another owner's claim is reported, never overwritten.
 */
export async function saveScenario(
  context: StoreContext,
  ownerId: string,
  scenario: Scenario,
  now: Date,
): Promise<SaveOutcome> {
  let body: BodyItem | undefined = { pk: scenarioPartition(scenario.id), sk: bodySortKey, ownerId, scenario };
  if (!(await putIfAbsent(context, body))) {
    body = await readBody(context, scenario.id);
    if (body?.ownerId !== ownerId) return { outcome: 'owned-by-another' };
  }
  // The first body stored is the scenario; a retry carrying different content does not replace it.
  const summary = summaryOf(ownerId, body.scenario, now.toISOString());
  if (await putIfAbsent(context, summary)) {
    return { outcome: 'created', saved: savedScenarioView(summary, body) };
  }
  const stored = await readScenarioItems(context, scenario.id);
  if (!stored.summary || !stored.body || stored.summary.ownerId !== ownerId) {
    return { outcome: 'owned-by-another' };
  }
  return { outcome: 'existing', saved: savedScenarioView(stored.summary, stored.body) };
}
