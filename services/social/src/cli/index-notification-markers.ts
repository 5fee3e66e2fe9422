/**
 * The operator's one-off after upgrading to notification markers listed under their
 * notification (gsi1 `MARKERS#<recipient>#<id>`):
 *
 *   node services/social/dist/cli/index-notification-markers.js
 *
 * Reads the social service's environment (DYNAMODB_*), lists every older marker under its
 * notification (a deleted recipient then leaves none behind, those of actors counted past the
 * 20 named included), removes those whose notification is gone, and prints
 * `{"markersIndexed": n, "staleMarkersRemoved": m}`. Safe to repeat and to run while the
 * service is up, once every replica runs the upgraded version.
 */
import { indexNotificationMarkers } from '../store/marker-index';
import { runTableCommand } from './table-command';

runTableCommand({
  name: 'index-notification-markers',
  usage: 'node services/social/dist/cli/index-notification-markers.js',
  run: async ({ table }) => ({ report: await indexNotificationMarkers(table) }),
});
