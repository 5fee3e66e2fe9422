/**
 * The operator's one-off after upgrading past commit 317ce1e (the block list paged from gsi2):
 *
 *   node services/social/dist/cli/index-blocks.js
 *
 * Reads the social service's environment (DYNAMODB_*), gives every block made before the
 * upgrade its block-list entry, and prints `{"blocksIndexed": n, "alreadyListed": m}`. Safe to
 * repeat (a second run indexes nothing) and to run while the service is up.
 */
import { indexBlocks } from '../store/block-index';
import { runTableCommand } from './table-command';

runTableCommand({
  name: 'index-blocks',
  usage: 'node services/social/dist/cli/index-blocks.js',
  run: async ({ table }) => ({ report: await indexBlocks(table) }),
});
