import { randomUUID } from 'node:crypto';
import {
  type ReportReason,
  type ReportSubmission,
  reportSubmissionSchema,
  visitorHash,
} from '@what-if/contracts';
import { HttpProblem, allowCallers, authenticate, requirePrincipal, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { commentContentId } from '../store/keys';
import { visiblePost } from '../post-access';

interface ReportBody {
  reason: ReportReason;
  note?: string;
}

/**
 * Reports: signed-in users report posts and comments here; other services (sharing) send the
 * reports they took to `POST /internal/v1/reports`. Both land in the one queue.
 */
export function reportRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });

  router.post('/internal/v1/reports', allowCallers(deps.logger, 'sharing'), async (req, res) => {
    const parsed = reportSubmissionSchema.safeParse(req.body);
    if (!parsed.success) {
      throw validationProblem(
        parsed.error.issues.map((issue) => ({
          path: ['/body', ...issue.path.map(String)].join('/'),
          message: issue.message,
        })),
      );
    }
    const filed = await deps.moderation.receive(parsed.data);
    res.status(202).json(filed);
  });

  const report = (
    req: Parameters<Parameters<typeof router.post>[1]>[0],
    target: ReportSubmission['target'],
    ownerId: string,
    reporterId: string,
  ) => {
    const body = req.body as ReportBody;
    return deps.moderation.receive({
      id: randomUUID(),
      target,
      ownerId,
      reporter: { userId: reporterId, visitorHash: visitorHash(req.ip ?? 'unknown') },
      reason: body.reason,
      ...(body.note?.trim() ? { note: body.note.trim() } : {}),
      reportedAt: new Date().toISOString(),
    });
  };

  router.post('/api/v1/social/posts/:postId/reports', signedIn, async (req, res) => {
    const me = requirePrincipal(res);
    const post = await visiblePost(deps, String(req.params['postId']), me);
    if (post.authorId === me.userId)
      throw new HttpProblem(400, 'You cannot report your own post; delete it instead.');
    const filed = await report(
      req,
      { service: 'social', kind: 'post', id: post.id },
      post.authorId,
      me.userId,
    );
    res.status(202).json(filed);
  });

  router.post('/api/v1/social/posts/:postId/comments/:commentId/reports', signedIn, async (req, res) => {
    const me = requirePrincipal(res);
    const post = await visiblePost(deps, String(req.params['postId']), me);
    const commentId = String(req.params['commentId']);
    const comment = await deps.store.comment(post.id, commentId);
    if (!comment?.authorId)
      throw new HttpProblem(404, `The post ${post.id} has no comment with the id ${commentId}.`);
    if (comment.authorId === me.userId)
      throw new HttpProblem(400, 'You cannot report your own comment; delete it instead.');
    const target = {
      service: 'social' as const,
      kind: 'comment' as const,
      id: commentContentId(post.id, commentId),
    };
    const filed = await report(req, target, comment.authorId, me.userId);
    res.status(202).json(filed);
  });

  return router;
}
