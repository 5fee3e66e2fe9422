import type { ModerationAction, OwnedScenario, Scenario } from '@what-if/contracts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deploymentSecret } from '@what-if/kit/dynamodb';
import { deleteScenario } from './delete-scenario';
import { cursorKeyItemKey } from './keys';
import { moderateScenario } from './moderate-scenario';
import { purgeOwner } from './purge-owner';
import { type ListPage, type ListRequest, listScenarios } from './list-scenarios';
import { readScenarioItems } from './read-scenario';
import { type SavedScenario, savedScenarioView } from './records';
import { type SaveOutcome, saveScenario } from './save-scenario';
import { type SummaryChanges, type UpdateOutcome, updateSummary } from './update-scenario';

/** The history's data access: the only module that knows DynamoDB. Every read is the owner's. */
export interface ScenarioStore {
  save(ownerId: string, scenario: Scenario): Promise<SaveOutcome>;
  /** The owner's saved scenario; undefined when it is missing or someone else's. */
  read(ownerId: string, scenarioId: string): Promise<SavedScenario | undefined>;
  /** Any user's scenario as generated, with its owner: for a service that shows it to others. */
  readOwned(scenarioId: string): Promise<OwnedScenario | undefined>;
  /** Keeps a moderation decision on the scenario; `missing` when there is no such scenario. */
  moderate(scenarioId: string, action: ModerationAction): Promise<'applied' | 'stale' | 'missing'>;
  list(request: ListRequest): Promise<ListPage>;
  /** Changes the owner's saved scenario (favourite, tags, rating); `not-found` as for read. */
  update(ownerId: string, scenarioId: string, changes: SummaryChanges): Promise<UpdateOutcome>;
  /** Whether any item of the scenario is the owner's (a half-deleted one included). */
  owns(ownerId: string, scenarioId: string): Promise<boolean>;
  /** False when the caller owns no scenario with that id. */
  delete(ownerId: string, scenarioId: string): Promise<boolean>;
  /** Every scenario of a deleted account; how many there were. */
  purgeOwner(ownerId: string): Promise<number>;
  deploymentCursorKey(): Promise<Buffer>;
}

export function createScenarioStore(documents: DynamoDBDocumentClient, tableName: string): ScenarioStore {
  const context = { documents, tableName };
  return {
    save: (ownerId, scenario) => saveScenario(context, ownerId, scenario, new Date()),
    async read(ownerId, scenarioId) {
      const { summary, body } = await readScenarioItems(context, scenarioId);
      if (!summary || !body || summary.ownerId !== ownerId) return undefined;
      return savedScenarioView(summary, body);
    },
    async readOwned(scenarioId) {
      const { summary, body } = await readScenarioItems(context, scenarioId);
      // Both halves, as a read by the owner needs: a body whose summary is gone is being deleted.
      if (!summary || !body || summary.ownerId !== body.ownerId) return undefined;
      return { ownerId: body.ownerId, scenario: body.scenario, moderation: summary.moderation ?? 'visible' };
    },
    moderate: (scenarioId, action) => moderateScenario(context, scenarioId, action),
    list: (request) => listScenarios(context, request),
    update: (ownerId, scenarioId, changes) =>
      updateSummary(context, ownerId, scenarioId, changes, new Date()),
    async owns(ownerId, scenarioId) {
      const { all } = await readScenarioItems(context, scenarioId);
      return all.some((item) => item.ownerId === ownerId);
    },
    delete: (ownerId, scenarioId) => deleteScenario(context, ownerId, scenarioId),
    purgeOwner: (ownerId) => purgeOwner(context, ownerId),
    deploymentCursorKey: () => deploymentSecret({ ...context, key: cursorKeyItemKey, purpose: 'cursor key' }),
  };
}
