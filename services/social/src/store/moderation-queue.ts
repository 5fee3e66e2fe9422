import { createHash, randomUUID } from 'node:crypto';
import {
  type ModerationAction,
  type ModerationActionKind,
  type ModerationTargetKind,
  type ReportSubmission,
  moderationTargetOwners,
} from '@what-if/contracts';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, putIfAbsent, queryPages } from '@what-if/kit/dynamodb';
import { chronologicalKey, gsi1 } from './keys';
import { type Page, readPage } from './read-page';
import type { StoreContext } from './store-context';

/** Reported content's case: open until a moderator or the threshold decides. */
export const caseStatuses = ['open', 'hidden', 'removed', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** The weight of reports at which content is hidden before any moderator looks. */
export const autoHideWeight = 5;
/** An account younger than this counts for half. */
const newAccountMs = 24 * 60 * 60 * 1000;

export interface CaseItem {
  pk: string;
  sk: string;
  caseId: string;
  target: ReportSubmission['target'];
  ownerId: string;
  status: CaseStatus;
  reports: number;
  voices: number;
  weight: number;
  reasons: Record<string, number>;
  firstReportedAt: string;
  lastReportedAt: string;
  lastDecision?: {
    action: ModerationActionKind | 'dismiss';
    reason: string;
    moderatorId: string | null;
    decidedAt: string;
  };
  gsi1pk: string;
  gsi1sk: string;
}

export interface DecisionItem {
  pk: string;
  sk: string;
  decision: ModerationAction | (Omit<ModerationAction, 'action'> & { action: 'dismiss' });
  caseId: string;
}

/** One case per reported thing, whoever reported it and from which service. */
export function caseIdOf(kind: ModerationTargetKind, targetId: string): string {
  return createHash('sha256').update(`${kind}:${targetId}`).digest('hex').slice(0, 32);
}

const casePartition = (caseId: string) => `CASE#${caseId}`;
const caseKey = (caseId: string) => ({ pk: casePartition(caseId), sk: 'CASE' });
const queuePartition = (status: CaseStatus) => `CASES#${status}`;

export async function readCase(context: StoreContext, caseId: string): Promise<CaseItem | undefined> {
  const result = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: caseKey(caseId), ConsistentRead: true }),
  );
  return result.Item as CaseItem | undefined;
}

/**
 * How much a new reporter weighs: 1 for an account older than a day, half for a newer account or
 * for someone not signed in, and half again when their network has reported this already (one
 * household, office or attacker's block is not several voices).
 */
function voiceWeight(report: ReportSubmission, networkHeardBefore: boolean, now: Date): number {
  const createdAt = report.reporter.accountCreatedAt
    ? Date.parse(report.reporter.accountCreatedAt)
    : undefined;
  const established =
    report.reporter.userId !== undefined &&
    createdAt !== undefined &&
    now.getTime() - createdAt >= newAccountMs;
  const base = established ? 1 : 0.5;
  return networkHeardBefore ? base / 2 : base;
}

export type FiledReport = { caseId: string; duplicate: boolean; case: CaseItem; reachedThreshold: boolean };

/**
 * Files a report in its case, once (a repeat with the same id changes nothing, and so does a
 * second report from the same reporter while the case is not closed). Each reporter counts once
 * per case, weighted (voiceWeight); the case reaching `autoHideWeight` while open is
 * reported as `reachedThreshold` for the caller to decide on, exactly once.
 */
export async function fileReport(
  context: StoreContext,
  report: ReportSubmission,
  now: Date,
): Promise<FiledReport> {
  const caseId = caseIdOf(report.target.kind, report.target.id);
  const partition = casePartition(caseId);
  const stored = await putIfAbsent(context, {
    pk: partition,
    sk: `REPORT#${report.id}`,
    report,
    receivedAt: now.toISOString(),
  });
  if (!stored) {
    const existing = await readCase(context, caseId);
    if (existing) return { caseId, duplicate: true, case: existing, reachedThreshold: false };
  }
  const reporterKey = report.reporter.userId
    ? `USER#${report.reporter.userId}`
    : `NET#${report.reporter.visitorHash}`;
  const newVoice = await putIfAbsent(context, { pk: partition, sk: `VOICE#${reporterKey}` });
  if (!newVoice) {
    // One open report per reporter per target: a repeat while the case is still open, hidden or
    // removed changes nothing (the submission is forgotten). After a close it reopens the case.
    const existing = await readCase(context, caseId);
    if (existing && existing.status !== 'closed') {
      await context.documents.send(
        new DeleteCommand({
          TableName: context.tableName,
          Key: { pk: partition, sk: `REPORT#${report.id}` },
        }),
      );
      return { caseId, duplicate: true, case: existing, reachedThreshold: false };
    }
  }
  const networkHeardBefore = !(await putIfAbsent(context, {
    pk: partition,
    sk: `NETWORK#${report.reporter.visitorHash}`,
  }));
  const weight = newVoice
    ? voiceWeight(report, networkHeardBefore && reporterKey.startsWith('USER#'), now)
    : 0;
  const reportedAt = now.toISOString();
  const result = await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: caseKey(caseId),
      UpdateExpression:
        'SET caseId = :caseId, target = :target, ownerId = :owner, #status = if_not_exists(#status, :open), ' +
        'firstReportedAt = if_not_exists(firstReportedAt, :now), lastReportedAt = :now, ' +
        'reasons = if_not_exists(reasons, :noReasons) ADD reports :one, voices :voice, weight :weight',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':caseId': caseId,
        ':target': report.target,
        ':owner': report.ownerId,
        ':open': 'open',
        ':now': reportedAt,
        ':noReasons': {},
        ':one': 1,
        ':voice': newVoice ? 1 : 0,
        ':weight': weight,
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  let current = result.Attributes as CaseItem;
  const counted = await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: caseKey(caseId),
      // ADD reaches top-level attributes only; a reason's count is a nested one.
      UpdateExpression: 'SET reasons.#reason = if_not_exists(reasons.#reason, :zero) + :one',
      ExpressionAttributeNames: { '#reason': report.reason },
      ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  current = counted.Attributes as CaseItem;
  // A new report on a closed case (restored, warned, dismissed) opens it again.
  if (current.status === 'closed')
    current = (await setStatus(context, caseId, 'closed', 'open', now)) ?? current;
  else current = (await placeInQueue(context, current)) ?? current;
  const reachedThreshold =
    current.status === 'open' && current.weight >= autoHideWeight && current.weight - weight < autoHideWeight;
  return { caseId, duplicate: false, case: current, reachedThreshold };
}

/** Keeps the case's queue keys in step with its status and latest report. */
async function placeInQueue(context: StoreContext, current: CaseItem): Promise<CaseItem | undefined> {
  const result = await context.documents
    .send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: caseKey(current.caseId),
        UpdateExpression: 'SET gsi1pk = :queue, gsi1sk = :position',
        ConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':queue': queuePartition(current.status),
          ':position': chronologicalKey(current.lastReportedAt, current.caseId),
          ':status': current.status,
        },
        ReturnValues: 'ALL_NEW',
      }),
    )
    .catch((error: unknown) => {
      if (isConditionFailure(error)) return undefined;
      throw error;
    });
  return result?.Attributes as CaseItem | undefined;
}

/** Moves a case from one status to another, only if it is still in the first; the new case, or undefined. */
export async function setStatus(
  context: StoreContext,
  caseId: string,
  from: CaseStatus | undefined,
  to: CaseStatus,
  now: Date,
  decision?: CaseItem['lastDecision'],
): Promise<CaseItem | undefined> {
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: caseKey(caseId),
        UpdateExpression: `SET #status = :to, gsi1pk = :queue, gsi1sk = :position${decision ? ', lastDecision = :decision' : ''}`,
        ConditionExpression: from ? '#status = :from' : 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':to': to,
          ':queue': queuePartition(to),
          ':position': chronologicalKey(now.toISOString(), caseId),
          ...(from ? { ':from': from } : {}),
          ...(decision ? { ':decision': decision } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes as CaseItem;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Keeps a decision in its case's audit trail. */
export async function recordDecision(
  context: StoreContext,
  caseId: string,
  decision: DecisionItem['decision'],
): Promise<void> {
  await context.documents.send(
    new PutCommand({
      TableName: context.tableName,
      Item: {
        pk: casePartition(caseId),
        sk: `DECISION#${chronologicalKey(decision.decidedAt, decision.id)}`,
        caseId,
        decision,
      },
    }),
  );
}

/** A case's latest decisions, newest first (the audit trail). */
export async function decisionsOf(
  context: StoreContext,
  caseId: string,
  limit: number,
): Promise<DecisionItem[]> {
  const page = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :decision)',
      ExpressionAttributeValues: { ':pk': casePartition(caseId), ':decision': 'DECISION#' },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return (page.Items ?? []) as DecisionItem[];
}

/** A page of the cases in one status, most recently reported or decided first. */
export function casesIn(
  context: StoreContext,
  request: { status: CaseStatus; limit: number; after?: string },
): Promise<Page<CaseItem>> {
  return readPage<CaseItem & Record<string, unknown>>(context, {
    listing: { index: gsi1.name, partitionKey: gsi1.partitionKey, sortKey: gsi1.sortKey },
    partition: queuePartition(request.status),
    limit: request.limit,
    ...(request.after ? { after: request.after } : {}),
  });
}

/** Which service keeps a target's moderation status. */
export function ownerOf(kind: ModerationTargetKind): string {
  return moderationTargetOwners[kind];
}

export const newDecisionId = (): string => randomUUID();

/**
 * Removes a target's case with everything in it (reports, voices, networks, decisions): the
 * content itself was deleted, and nothing about it may stay readable (docs/cross-service.md §2).
 * Safe to repeat. True when there was anything to remove.
 */
export async function forgetCase(
  context: StoreContext,
  kind: ModerationTargetKind,
  targetId: string,
): Promise<boolean> {
  const partition = casePartition(caseIdOf(kind, targetId));
  let removed = false;
  const pages = queryPages(context, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': partition },
    ProjectionExpression: 'pk, sk',
    ConsistentRead: true,
  });
  for await (const page of pages) {
    for (const item of page.items) {
      await context.documents.send(
        new DeleteCommand({ TableName: context.tableName, Key: { pk: item['pk'], sk: item['sk'] } }),
      );
      removed = true;
    }
  }
  return removed;
}
