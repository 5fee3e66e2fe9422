/**
 * The operator's check that experience and notifications agree with the rows they derive from
 * (runbooks/social-maintenance.md):
 *
 *   node services/social/dist/cli/reconcile-engagement.js [--user <userId>]
 *
 * Reads the social service's environment (DYNAMODB_*), recomputes each user's points (and so
 * level), day totals, leaderboard entries, unread count and unread index from their rows,
 * looks twice a moment apart, repairs what disagreed both times and prints a JSON report
 * (`drift` lists each: `fixed`, or `moving` when it changed while checked). Exits 0 when
 * nothing drifted, 1 when something was fixed or still moving, so a cron job can alert on it.
 */
import { reconcileEngagement, reconcileUser } from '../store/reconcile-engagement';
import { exitCodes, runTableCommand } from './table-command';

runTableCommand({
  name: 'reconcile-engagement',
  usage: 'node services/social/dist/cli/reconcile-engagement.js [--user <userId>]',
  options: { user: { type: 'string' } },
  async run({ table, options }) {
    const oneUser = options.user ? await reconcileUser(table, options.user) : undefined;
    const report = oneUser
      ? {
          usersChecked: 1,
          unverifiable: oneUser.verifiable ? [] : [options.user],
          unverifiableCounters:
            oneUser.unrecountable.length > 0
              ? [{ userId: options.user, counters: oneUser.unrecountable }]
              : [],
          drift: oneUser.drift,
        }
      : await reconcileEngagement(table);
    return { report, exitCode: report.drift.length === 0 ? exitCodes.ok : exitCodes.drift };
  },
});
