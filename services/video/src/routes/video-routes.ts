import { type Request, type Response, Router } from 'express';
import { HttpProblem, type Principal, authenticate, openEventStream, principalOf } from '@what-if/kit';
import type { VideoDependencies } from '../dependencies';
import type { VideoRecord } from '../video';
import { isFinished, videoRemoval } from '../video-removal';
import { videoView } from '../video-view';
import { decodeCursor, encodeCursor } from './list-cursor';
import { keyReused, newVideoId, readVideoOrder } from './request-video';

export const listLimits = { min: 1, max: 50, default: 20 } as const;

/** Missing and someone else's answer alike, so ids cannot be probed for existence. */
function notFound(id: string): HttpProblem {
  return new HttpProblem(404, `You have no video with the id ${id}.`);
}

/** Anonymous callers get no videos: each costs a minute of a core, and they keep no history to make one from. */
function signedIn(res: Response): Principal {
  const principal = principalOf(res);
  if (!principal) {
    throw new HttpProblem(401, 'Sign in to make and watch videos; anonymous callers have no video quota.', {
      type: 'unauthorized',
    });
  }
  return principal;
}

const progressOf = (record: VideoRecord) => ({
  status: record.status,
  stage: record.stage ?? null,
  stagePercent: record.stagePercent ?? 0,
  percent: record.percent ?? 0,
});

/** How often an open event stream re-reads the record, whatever the live feed says. */
const streamRecheckMs = 5_000;

/** The caller's videos: request, follow, list, cancel, delete. */
export function videoRoutes(deps: VideoDependencies): Router {
  const router = Router();
  const identify = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });

  async function owned(req: Request, res: Response): Promise<VideoRecord> {
    const owner = signedIn(res);
    const id = String(req.params['id']);
    const record = await deps.store.readOwned(owner.userId, id);
    if (!record) throw notFound(id);
    return record;
  }

  /** The caller's video, as long as it may be served: one made from a share follows the share. */
  async function servable(req: Request, res: Response): Promise<VideoRecord> {
    const record = await owned(req, res);
    await deps.shares.assertServable(record);
    return record;
  }

  const removal = videoRemoval(deps);
  const stop = (record: VideoRecord) => removal.stop(record);

  router.post('/api/v1/videos', identify, async (req, res) => {
    const owner = signedIn(res);
    const order = readVideoOrder(req);
    const answer = async (record: VideoRecord, replayed: boolean) => {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Location', `/api/v1/videos/${record.id}`);
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(202).json(await videoView(record, deps.storage, true));
    };
    if (order.claim) {
      const earlier = await deps.store.findClaimed(owner.userId, order.claim);
      if (earlier?.outcome === 'key-reused') throw keyReused();
      if (earlier) {
        deps.metrics.requested.inc({ outcome: 'existing' });
        await answer(earlier.record, true);
        return;
      }
    }
    const { source } = order;
    const scenario =
      source.kind === 'share'
        ? await deps.scenarios.readShared(source.slug, owner.userId, source.password)
        : await deps.scenarios.read(source.scenarioId, req.headers.authorization ?? '');
    let usage;
    try {
      usage = await deps.quotas.consume(owner.userId, owner.roles);
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 429)
        deps.metrics.requested.inc({ outcome: 'quota' });
      throw error;
    }
    const now = new Date().toISOString();
    const record: VideoRecord = {
      id: newVideoId(),
      ownerId: owner.userId,
      scenarioId: scenario.id,
      title: scenario.title,
      language: scenario.language,
      options: order.options,
      ...(source.kind === 'share' ? { shareSlug: source.slug } : {}),
      scenario,
      status: 'queued',
      stage: null,
      stagePercent: 0,
      percent: 0,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    const created = await deps.store.create(record, order.claim).catch(async (error: unknown) => {
      await usage.release();
      throw error;
    });
    if (created.outcome === 'key-reused') {
      await usage.release();
      throw keyReused();
    }
    if (created.outcome === 'existing') {
      await usage.release();
      deps.metrics.requested.inc({ outcome: 'existing' });
      await answer(created.record, true);
      return;
    }
    deps.metrics.requested.inc({ outcome: 'created' });
    try {
      await deps.queue.enqueue(created.record.id);
    } catch (error) {
      // The job is recorded: the sweeper queues it once Redis answers again.
      deps.logger.warn({ err: error, videoId: created.record.id }, 'video: accepted but not queued yet');
    }
    await answer(created.record, false);
  });

  router.get('/api/v1/videos', identify, async (req, res) => {
    const owner = signedIn(res);
    const limit = req.query['limit'] === undefined ? listLimits.default : Number(req.query['limit']);
    const cursor = typeof req.query['cursor'] === 'string' ? req.query['cursor'] : undefined;
    const page = await deps.store.list(owner.userId, limit, cursor ? decodeCursor(cursor) : undefined);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      items: await Promise.all(
        page.items.map(async (record) => {
          const view = await videoView(record, deps.storage, false);
          const status = await deps.shares.statusOf(record);
          return status === 'available' ? view : { ...view, withdrawn: status };
        }),
      ),
      nextCursor: page.after ? encodeCursor(page.after) : null,
    });
  });

  router.get('/api/v1/videos/:id', identify, async (req, res) => {
    const record = await servable(req, res);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await videoView(record, deps.storage, true));
  });

  router.get('/api/v1/videos/:id/events', identify, async (req, res) => {
    const record = await servable(req, res);
    const stream = openEventStream(res, deps.heartbeatMs);
    let closed = false;
    let unfollow = () => undefined as void;
    let recheck: NodeJS.Timeout | undefined = undefined;
    const close = () => {
      if (closed) return;
      closed = true;
      unfollow();
      clearInterval(recheck);
      stream.end();
    };
    res.once('close', close);
    const settleIfDone = async (current: VideoRecord | undefined): Promise<void> => {
      if (closed) return;
      if (!current) {
        stream.send('deleted', { id: record.id });
        close();
      } else if (isFinished(current)) {
        // Its share may have gone while it rendered: then no links, only why.
        const status = await deps.shares.statusOf(current);
        if (status === 'available') stream.send('done', await videoView(current, deps.storage, true));
        else stream.send('withdrawn', { id: current.id, reason: status });
        close();
      }
    };
    const reread = () => {
      void deps.store
        .read(record.id)
        .then(settleIfDone)
        .catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'video: progress stream could not re-read its job'),
        );
    };
    if (isFinished(record)) {
      await settleIfDone(record);
      return;
    }
    stream.send('progress', progressOf(record));
    unfollow = deps.feed.follow(record.id, (event) => {
      if (closed) return;
      if (event.kind === 'progress') stream.send('progress', event.progress);
      else reread();
    });
    recheck = setInterval(reread, streamRecheckMs);
    // The job may have ended between the first read and following the feed.
    reread();
  });

  router.post('/api/v1/videos/:id/cancel', identify, async (req, res) => {
    const record = await owned(req, res);
    const canceled = isFinished(record) ? undefined : await stop(record);
    if (!canceled) {
      const now = (await deps.store.read(record.id)) ?? record;
      throw new HttpProblem(409, `The video has already ended (${now.status}); there is nothing to cancel.`, {
        type: 'video-finished',
        title: 'Video already finished',
      });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(await videoView(canceled, deps.storage, false));
  });

  router.delete('/api/v1/videos/:id', identify, async (req, res) => {
    await removal.remove(await owned(req, res));
    res.status(204).end();
  });

  return router;
}
