import {
  type Scenario,
  type ShareGoneReason,
  openShareRequestSchema,
  openSharePath,
  openedShareSchema,
  scenarioSchema,
} from '@what-if/contracts';
import { HttpProblem, type ServiceClient, UpstreamError } from '@what-if/kit';
import { z } from 'zod';

/** Where a video's scenario comes from: the caller's history, or a share they may open. */
export interface ScenarioSource {
  /** The caller's scenario, or a 404 problem when they have none with that id. */
  read(scenarioId: string, authorization: string): Promise<Scenario>;
  /**
   * The scenario behind a share, opened as its page would open it for the caller (live, not
   * hidden or removed, the password when it has one); otherwise the problem that says why not.
   */
  readShared(slug: string, viewerId: string, password: string | undefined): Promise<Scenario>;
}

/** A scenario as history returns it: the contracts' scenario plus the owner's own fields (dropped). */
const storedScenarioSchema = scenarioSchema.extend({ tags: z.array(z.string()) });

/** What a problem from sharing says, as far as video passes it on. */
const sharingProblemSchema = z.object({
  type: z.string().optional(),
  reason: z.string().optional(),
});

const goneMessages: Record<ShareGoneReason, string> = {
  revoked: 'the person who shared it has withdrawn the link',
  expired: 'the link has expired',
  hidden: 'moderators have hidden it while they review reports about it',
  removed: 'moderators have removed it',
  deleted: 'the scenario behind it was deleted',
};

export function createScenarioSource(history: ServiceClient, sharing: ServiceClient): ScenarioSource {
  return {
    // History's own read with the caller's token: history checks the token and the ownership,
    // so another user's scenario answers exactly as a missing one.
    async read(scenarioId, authorization) {
      const response = await history.request<unknown>({
        method: 'GET',
        path: `/api/v1/scenarios/${encodeURIComponent(scenarioId)}`,
        headers: { authorization },
      });
      if (response.status === 404) {
        throw new HttpProblem(404, `You have no scenario with the id ${scenarioId}.`, {
          type: 'scenario-not-found',
          title: 'Scenario not found',
        });
      }
      if (response.status === 401) {
        throw new HttpProblem(401, 'The history service refused the access token; sign in again.', {
          type: 'invalid-token',
        });
      }
      const parsed = storedScenarioSchema.safeParse(response.body);
      if (response.status !== 200 || !parsed.success) {
        throw new UpstreamError(
          'history',
          502,
          `The history service answered ${response.status} for scenario ${scenarioId}.`,
        );
      }
      return parsed.data;
    },

    // Sharing opens the share with its page's checks and limits; a POST (the password is in
    // the body), so the client never retries it on its own.
    async readShared(slug, viewerId, password) {
      const response = await sharing.request<unknown>({
        method: 'POST',
        path: openSharePath(slug),
        body: openShareRequestSchema.parse({
          viewerId,
          ...(password === undefined ? {} : { password }),
        }),
      });
      if (response.status === 200) {
        const opened = openedShareSchema.safeParse(response.body);
        if (opened.success) return opened.data.scenario;
      }
      const problem = sharingProblemSchema.safeParse(response.body);
      const type = problem.success ? problem.data.type : undefined;
      if (response.status === 404) {
        throw new HttpProblem(404, `There is no share with the slug ${slug}.`, {
          type: 'share-not-found',
          title: 'Share not found',
        });
      }
      if (response.status === 410) {
        const reason = (problem.success ? problem.data.reason : undefined) as ShareGoneReason | undefined;
        throw new HttpProblem(
          410,
          `The share ${slug} is no longer available: ${reason ? goneMessages[reason] : 'it has ended'}.`,
          {
            type: 'share-gone',
            title: 'Share no longer available',
            extensions: { reason: reason ?? 'ended' },
          },
        );
      }
      // A share password is not the caller's sign-in: 403, so a client never takes it for an expired token.
      if (response.status === 401 && type?.endsWith('share-password-required')) {
        throw new HttpProblem(403, `The share ${slug} is protected; send its password as sharePassword.`, {
          type: 'share-password-required',
          title: 'Share password required',
        });
      }
      if (response.status === 401 && type?.endsWith('share-password-wrong')) {
        throw new HttpProblem(403, `That is not the password of the share ${slug}.`, {
          type: 'share-password-wrong',
          title: 'Wrong share password',
        });
      }
      if (response.status === 429) {
        const retryAfter = response.headers.get('retry-after');
        throw new HttpProblem(429, `Too many wrong passwords for the share ${slug}; try again later.`, {
          type: 'share-password-limited',
          title: 'Too many wrong passwords',
          ...(retryAfter ? { headers: { 'Retry-After': retryAfter } } : {}),
        });
      }
      throw new UpstreamError(
        'sharing',
        502,
        `The sharing service answered ${response.status} for share ${slug}.`,
      );
    },
  };
}
