import type { ModerationAction, ModerationActionKind, ReportSubmission } from '@what-if/contracts';
import type { Logger } from '@what-if/kit';
import type { SocialStore } from './store/social-store';
import { type CaseItem, type CaseStatus, newDecisionId, ownerOf } from './store/moderation-queue';

/** What a decision does to the case: the status the case moves to. */
const caseStatusAfter: Record<ModerationActionKind | 'dismiss', CaseStatus> = {
  hide: 'hidden',
  remove: 'removed',
  restore: 'closed',
  warn: 'closed',
  dismiss: 'closed',
};

/** What a decision does to the content: the status its owner keeps on it (none for warn and dismiss). */
const contentStatusAfter = { hide: 'hidden', remove: 'removed', restore: 'visible' } as const;

export interface Moderation {
  /** Takes a report into the queue; hides the content when it reaches the threshold. */
  receive(report: ReportSubmission): Promise<{ caseId: string; duplicate: boolean }>;
  /** A moderator's decision (or dismissal) on a case; undefined when there is no such case. */
  decide(
    caseId: string,
    decision: { action: ModerationActionKind | 'dismiss'; reason: string; moderatorId: string },
  ): Promise<CaseItem | undefined>;
}

/** A decision that changed (or warned about) someone's content, for telling its owner. */
export interface DecisionNotice {
  id: string;
  ownerId: string;
  action: ModerationActionKind;
  subject: { postId?: string; commentId?: string; shareId?: string; scenarioId?: string };
}

function subjectOf(target: CaseItem['target']): DecisionNotice['subject'] {
  switch (target.kind) {
    case 'post':
      return { postId: target.id };
    case 'comment': {
      const [postId = '', commentId = ''] = target.id.split(':');
      return { postId, commentId };
    }
    case 'share':
      return { shareId: target.id };
    case 'scenario':
      return { scenarioId: target.id };
  }
}

export function createModeration(deps: {
  store: SocialStore;
  logger: Logger;
  /** Hears every decision but a dismissal, once it is applied (notifications tell the owner). */
  onDecision?: (notice: DecisionNotice) => Promise<void>;
}): Moderation {
  const { store, logger } = deps;

  /** Applies a decision where the content lives: here for posts and comments, else through the outbox. */
  async function apply(action: ModerationAction, service: string): Promise<void> {
    if (action.action === 'warn') {
      if (service !== 'social') await store.enqueueAction(service, action);
      return;
    }
    const status = contentStatusAfter[action.action];
    if (service !== 'social') {
      await store.enqueueAction(service, action);
      return;
    }
    if (action.target.kind === 'post') {
      await store.setPostModeration(action.target.id, status);
    } else {
      const [postId = '', commentId = ''] = action.target.id.split(':');
      await store.setCommentModeration(postId, commentId, status);
    }
  }

  async function record(
    current: CaseItem,
    decision: { action: ModerationActionKind | 'dismiss'; reason: string; moderatorId?: string },
    from: CaseStatus | undefined,
  ): Promise<CaseItem | undefined> {
    const decidedAt = new Date();
    const action = {
      id: newDecisionId(),
      target: { kind: current.target.kind, id: current.target.id },
      action: decision.action,
      reason: decision.reason,
      ...(decision.moderatorId ? { moderatorId: decision.moderatorId } : {}),
      decidedAt: decidedAt.toISOString(),
    };
    const updated = await store.setCaseStatus(current.caseId, from, caseStatusAfter[decision.action], {
      action: decision.action,
      reason: decision.reason,
      moderatorId: decision.moderatorId ?? null,
      decidedAt: action.decidedAt,
    });
    // Another decision got there first (the threshold crossed twice, two moderators at once).
    if (!updated) return undefined;
    await store.recordDecision(current.caseId, action);
    if (decision.action !== 'dismiss') {
      await apply(action as ModerationAction, ownerOf(current.target.kind));
      await deps.onDecision?.({
        id: action.id,
        ownerId: current.ownerId,
        action: decision.action,
        subject: subjectOf(current.target),
      });
    }
    logger.info(
      {
        caseId: current.caseId,
        target: current.target,
        action: decision.action,
        automatic: !decision.moderatorId,
      },
      'moderation: decision',
    );
    return updated;
  }

  return {
    async receive(report) {
      const filed = await store.fileReport(report);
      if (filed.reachedThreshold) {
        const reasons = Object.entries(filed.case.reasons)
          .sort((a, b) => b[1] - a[1])
          .map(([reason]) => reason)
          .join(', ');
        await record(
          filed.case,
          {
            action: 'hide',
            reason: `Hidden automatically after reports from ${filed.case.voices} people (${reasons}).`,
          },
          'open',
        );
      }
      return { caseId: filed.caseId, duplicate: filed.duplicate };
    },
    async decide(caseId, decision) {
      const current = await store.case(caseId);
      if (!current) return undefined;
      return (await record(current, decision, current.status)) ?? store.case(caseId);
    },
  };
}
