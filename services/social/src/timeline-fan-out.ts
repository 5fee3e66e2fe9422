import type { Logger } from '@what-if/kit';
import {
  type FanOutJob,
  advanceFanOut,
  finishFanOut,
  leaseFanOut,
  pendingFanOuts,
  postExists,
  releaseFanOut,
} from './store/fan-out-jobs';
import type { StoreContext } from './store/store-context';
import { fanOutPage, withdrawFrom, withdrawFromFormerFollowers } from './store/timelines';

export interface FanOutWorker {
  /** One pass: works every queued fan-out it can lease to its end. Answers how many it finished. */
  runDue(): Promise<number>;
  stop(): Promise<void>;
}

/** Followers' timelines written per page of a queued fan-out (20 batch writes). */
const defaultPageSize = 500;

/**
 * Finishes wide authors' fan-outs in the background (store/fan-out-jobs.ts): every `pollMs`
 * each replica leases the queued jobs it finds and writes their pages, recording progress after
 * each, so a replica that dies mid-job costs a lease's wait, never a timeline. A post deleted
 * meanwhile stops its job, and the page written after the deletion is taken back out; so is the
 * entry of a follower who stopped following (or whose account went) while the page was written,
 * so a purged account keeps no timeline entry. A replica
 * shutting down finishes the page it is writing and lets its job go for another to go on.
 */
export function startFanOutWorker(options: {
  table: StoreContext;
  logger: Logger;
  pollMs: number;
  /** How long a leased job is this replica's (each page renews it); another takes it over after. */
  leaseMs: number;
  /** Followers per page (500 by default). */
  pageSize?: number;
}): FanOutWorker {
  const { table, logger } = options;
  const pageSize = options.pageSize ?? defaultPageSize;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function work(job: FanOutJob): Promise<boolean> {
    for (;;) {
      if (!(await postExists(table, job.post.id))) {
        await finishFanOut(table, job.post.id);
        return true;
      }
      const page = await fanOutPage(table, job.post, job.after, pageSize);
      if (!(await postExists(table, job.post.id))) {
        // Deleted while this page was written: its withdrawal may have missed these entries.
        await withdrawFrom(table, job.post, page.readers);
        await finishFanOut(table, job.post.id);
        return true;
      }
      // A follower whose account was deleted (or who unfollowed) after the page was read.
      await withdrawFromFormerFollowers(table, job.post, page.readers);
      if (!page.after) {
        await finishFanOut(table, job.post.id);
        return true;
      }
      if (!(await advanceFanOut(table, job, page.after, page.readers.length, new Date()))) return false;
      if (stopped) {
        // Shutting down: the next page is another replica's, from where this one ended.
        await releaseFanOut(table, job);
        return false;
      }
    }
  }

  async function runDue(): Promise<number> {
    let finished = 0;
    for (const postId of await pendingFanOuts(table, 25)) {
      if (stopped) break;
      const job = await leaseFanOut(table, postId, new Date(), options.leaseMs);
      if (!job) continue;
      try {
        if (await work(job)) finished += 1;
      } catch (error) {
        // The lease runs out and a pass (here or in another replica) goes on from the last page.
        logger.error({ err: error, postId }, 'timeline fan-out failed; it resumes when its lease ends');
      }
    }
    return finished;
  }

  const timer = setInterval(() => {
    running ??= runDue()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'timeline fan-out: a pass failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  }, options.pollMs);
  timer.unref();

  return {
    runDue,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
