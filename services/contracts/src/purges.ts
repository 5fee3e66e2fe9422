import { z } from 'zod';

/**
 * Durable deletion (docs/cross-service.md §2): the service that deletes something first-hand
 * records this instruction in its outbox before it deletes, then relays it with
 * `POST purgesPath` to every service the catalog lists as receiving its kind, until each
 * acknowledges. Service-authenticated; a repeat answers 204 too.
 */
export const purgesPath = '/internal/v1/purges';

/** What can be purged: the catalog's `purgeKinds`, which say who owns and who receives each (a test keeps them equal). */
export const purgeInstructionKinds = ['account', 'scenario', 'share', 'post'] as const;

export const purgeInstructionSchema = z.object({
  /** Chosen by the owning service; a receiver may see the same id more than once. */
  id: z.uuid(),
  kind: z.enum(purgeInstructionKinds),
  /** What was deleted: the account, scenario, share or post id. */
  subjectId: z.string().min(1).max(128),
  /** The account it belonged to (for an account, the account itself). */
  ownerId: z.string().min(1).max(128),
  requestedAt: z.iso.datetime(),
  /** The service that deleted it and relays the instruction. */
  origin: z.string().min(1).max(32),
});
export type PurgeInstruction = z.infer<typeof purgeInstructionSchema>;
