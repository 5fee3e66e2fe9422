/**
 * The operator's check that every like and comment counter equals the rows it counts:
 *
 *   node services/social/dist/cli/reconcile-counters.js [--post <postId>]
 *
 * Reads the social service's environment (DYNAMODB_*), compares each counter with its rows
 * twice a moment apart, corrects the ones that disagree both times, and prints a JSON report
 * (`drift` lists each one: `fixed`, or `moving` when it changed while checked). Exits 0 when
 * nothing drifted, 1 when something was fixed or still moving, so a cron job can alert on it.
 */
import { reconcileAll, reconcilePost } from '../store/reconcile-counters';
import { exitCodes, runTableCommand } from './table-command';

runTableCommand({
  name: 'reconcile-counters',
  usage: 'node services/social/dist/cli/reconcile-counters.js [--post <postId>]',
  options: { post: { type: 'string' } },
  async run({ table, options }) {
    const onePost = options.post ? await reconcilePost(table, options.post) : undefined;
    const report = onePost
      ? { postsChecked: 1, countersChecked: onePost.checked, drift: onePost.drift }
      : await reconcileAll(table);
    return { report, exitCode: report.drift.length === 0 ? exitCodes.ok : exitCodes.drift };
  },
});
