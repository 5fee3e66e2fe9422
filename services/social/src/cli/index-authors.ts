/**
 * The operator's one-off after upgrading to per-author entries (an account's purge reaches its
 * comments and likes on other people's posts through them):
 *
 *   node services/social/dist/cli/index-authors.js
 *
 * Reads the social service's environment (DYNAMODB_*), gives every comment and like written
 * before the upgrade its `COMMENTER#`/`LIKER#` gsi2 keys, and prints a JSON report of how many.
 * Safe to repeat (a second run finds nothing) and to run while the service is up.
 */
import { indexAuthors } from '../store/author-index';
import { runTableCommand } from './table-command';

runTableCommand({
  name: 'index-authors',
  usage: 'node services/social/dist/cli/index-authors.js',
  run: async ({ table }) => ({ report: await indexAuthors(table) }),
});
