import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ModerationAction, ReportSubmission } from '@what-if/contracts';
import { type DynamoOutbox, deploymentSecret } from '@what-if/kit/dynamodb';
import { type CreateOutcome, type NewShare, createShare } from './create-share';
import {
  type PurgeResult,
  deleteOwnedShare,
  purgeOwnerShares,
  purgeScenarioShares,
  purgeShare,
} from './delete-share';
import { visitorKeyItemKey } from './keys';
import { type SharePage, allSharesOfOwner, allSharesOfScenario, listOwnerShares } from './list-shares';
import { applyModeration } from './moderation';
import { type LimitState, type WindowLimit, countEvent, limitReached } from './rate-limits';
import { type DailyStats, readDailyStats } from './read-analytics';
import { readShare } from './read-share';
import type { ShareItem } from './records';
import { type View, recordView } from './record-view';
import { type OpenReport, type WaitingReport, forgetReporter, openReport, reportOutbox } from './reports';
import { type SignalsItem, signalOutbox, signalsChanged, signalsSnapshot } from './share-signals';
import { type ShareChanges, revokeShare, updateShare } from './update-share';
import type { ShareSignals } from '@what-if/contracts';

/** The sharing service's data access: the only module that knows DynamoDB. */
export interface ShareStore {
  create(share: NewShare, another: boolean): Promise<CreateOutcome>;
  /** Any share by slug, whoever owns it: for the public page, which decides what to show. */
  read(slug: string): Promise<ShareItem | undefined>;
  /** The owner's share; undefined when it is missing or someone else's. */
  readOwned(ownerId: string, slug: string): Promise<ShareItem | undefined>;
  list(ownerId: string, limit: number, after?: string): Promise<SharePage>;
  allOfOwner(ownerId: string): Promise<ShareItem[]>;
  /** Every share of a scenario, whoever made it. */
  allOfScenario(scenarioId: string): Promise<ShareItem[]>;
  update(ownerId: string, slug: string, changes: ShareChanges): Promise<ShareItem | undefined>;
  revoke(ownerId: string, slug: string): Promise<ShareItem | undefined>;
  delete(ownerId: string, slug: string): Promise<ShareItem | undefined>;
  purgeScenario(scenarioId: string): Promise<PurgeResult>;
  purgeOwner(ownerId: string): Promise<PurgeResult>;
  purgeShare(slug: string): Promise<PurgeResult>;
  recordView(view: View): Promise<'counted' | 'repeat' | 'gone'>;
  dailyStats(slug: string, from: string, to: string): Promise<DailyStats[]>;
  limitReached(rule: WindowLimit, subject: string): Promise<LimitState>;
  countEvent(rule: WindowLimit, subject: string): Promise<LimitState>;
  /** Opens the reporter's report on the share and puts it on its way to social, or answers the open one. */
  openReport(
    slug: string,
    reporter: string,
    submission: ReportSubmission,
  ): Promise<{ opened: true } | { opened: false; existing: OpenReport }>;
  /** Reports on their way to social (reports.ts). */
  reportOutbox: DynamoOutbox<WaitingReport>;
  /** Removes every report a deleted account filed. */
  forgetReporter(userId: string): Promise<number>;
  applyModeration(slug: string, action: ModerationAction): Promise<'applied' | 'stale' | 'missing'>;
  /** The signal outbox (share-signals.ts): shares whose views social's trending has not heard of. */
  signalOutbox: DynamoOutbox<SignalsItem>;
  /** The share's state for social at `version`; undefined when the share is gone. */
  signalsSnapshot(slug: string, version: number): Promise<ShareSignals | undefined>;
  visitorKey(): Promise<Buffer>;
}

export function createShareStore(documents: DynamoDBDocumentClient, tableName: string): ShareStore {
  const context = { documents, tableName };
  return {
    create: (share, another) => createShare(context, share, another, new Date()),
    read: (slug) => readShare(context, slug),
    async readOwned(ownerId, slug) {
      const share = await readShare(context, slug);
      return share?.ownerId === ownerId ? share : undefined;
    },
    list: (ownerId, limit, after) => listOwnerShares(context, ownerId, limit, after),
    allOfOwner: (ownerId) => allSharesOfOwner(context, ownerId),
    allOfScenario: (scenarioId) => allSharesOfScenario(context, scenarioId),
    update: (ownerId, slug, changes) => updateShare(context, ownerId, slug, changes, new Date()),
    revoke: (ownerId, slug) => revokeShare(context, ownerId, slug, new Date()),
    delete: (ownerId, slug) => deleteOwnedShare(context, ownerId, slug),
    purgeScenario: (scenarioId) => purgeScenarioShares(context, scenarioId),
    purgeOwner: (ownerId) => purgeOwnerShares(context, ownerId),
    purgeShare: async (slug) => purgeShare(context, await readShare(context, slug), slug),
    async recordView(view) {
      const outcome = await recordView(context, view, new Date());
      // Social's trending counts it too: the share's state goes into the signal outbox.
      if (outcome === 'counted') await signalsChanged(context, view.slug, new Date());
      return outcome;
    },
    dailyStats: (slug, from, to) => readDailyStats(context, slug, from, to),
    limitReached: (rule, subject) => limitReached(context, rule, subject, new Date()),
    countEvent: (rule, subject) => countEvent(context, rule, subject, new Date()),
    openReport: (slug, reporter, submission) => openReport(context, slug, reporter, submission),
    reportOutbox: reportOutbox(context),
    forgetReporter: (userId) => forgetReporter(context, userId),
    applyModeration: (slug, action) => applyModeration(context, slug, action),
    signalOutbox: signalOutbox(context),
    signalsSnapshot: (slug, version) => signalsSnapshot(context, slug, version, new Date()),
    visitorKey: () => deploymentSecret({ ...context, key: visitorKeyItemKey, purpose: 'visitor key' }),
  };
}
