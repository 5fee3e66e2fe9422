import { outboxBacklogReport } from './outboxes';

/**
 * The backlog line of the purge outbox: since every outbox has the kit's relay, the line every
 * outbox logs (`outboxBacklogReport`, with `outbox` = `purges`), under the name it had before.
 */
export const purgeBacklogReport = outboxBacklogReport;
