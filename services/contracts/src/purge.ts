import { type PurgeKind, purgeKinds, serviceNames } from '@what-if/catalog';
import { z } from 'zod';

/**
 * Durable deletion (docs/cross-service.md §2): the service that owns a deleted thing records a
 * purge instruction before it deletes, then delivers it to every receiver with
 * `POST purgesPath` (service-authenticated) until each has acknowledged. A receiver removes or
 * anonymises everything it derived from the subject and answers 204, a repeat included.
 */
export const purgesPath = '/internal/v1/purges';

// The kinds are the catalog's, which also says who owns and who receives each.
export { purgeKinds, type PurgeKind };

export const purgeInstructionSchema = z.object({
  /** Chosen by the owning service; a receiver may see the same id more than once. */
  id: z.uuid(),
  kind: z.enum(purgeKinds),
  /** The deleted thing: an account's user id, a scenario id, a share's slug, a post id. */
  subjectId: z.string().min(1).max(128),
  /** The account the subject belonged to (for an account, the account itself). */
  ownerId: z.string().min(1).max(128),
  requestedAt: z.iso.datetime(),
  /** The service that owned the subject and sends the instruction. */
  origin: z.enum(serviceNames),
});
export type PurgeInstruction = z.infer<typeof purgeInstructionSchema>;
