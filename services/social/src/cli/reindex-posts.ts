/**
 * The operator's way to make every post searchable (posts published before search existed):
 *
 *   node services/social/dist/cli/reindex-posts.js
 *
 * Reads the social service's environment (DYNAMODB_*), writes each post's search entries
 * (idempotent: run it again at will) and prints `{"postsIndexed": n}`.
 */
import { reindexAllPosts } from '../store/reindex-posts';
import { runTableCommand } from './table-command';

runTableCommand({
  name: 'reindex-posts',
  usage: 'node services/social/dist/cli/reindex-posts.js',
  run: async ({ table }) => ({ report: { postsIndexed: await reindexAllPosts(table) } }),
});
