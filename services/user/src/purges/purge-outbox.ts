import { randomUUID } from 'node:crypto';
import { type PurgeKind, type ServiceName, purgeReceivers } from '@what-if/catalog';
import type { PurgeInstruction } from '@what-if/contracts';
import type { PendingPurge, PurgeOutbox } from '@what-if/kit';
import type { Pool } from 'pg';
import type { Queryable } from '../database/transaction';

interface OutboxRow {
  id: string;
  kind: PurgeKind;
  subject_id: string;
  owner_id: string;
  requested_at: Date;
  pending_receivers: ServiceName[];
  attempts: number;
}

/**
 * Records an instruction for every receiver the catalog lists for its kind; call it in the
 * transaction that deletes, so the intent and the delete land together. Answers its id.
 */
export async function recordPurge(
  db: Queryable,
  kind: PurgeKind,
  subjectId: string,
  ownerId: string,
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO purge_outbox (id, kind, subject_id, owner_id, pending_receivers)
     VALUES ($1, $2, $3, $4, $5)`,
    [id, kind, subjectId, ownerId, purgeReceivers(kind)],
  );
  return id;
}

/** The user service's outbox, on PostgreSQL: leases are `FOR UPDATE SKIP LOCKED` plus a due time. */
export function postgresPurgeOutbox(pool: Pool): PurgeOutbox {
  return {
    async lease(limit, leaseMs) {
      const { rows } = await pool.query<OutboxRow>(
        `UPDATE purge_outbox SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
          WHERE id IN (SELECT id FROM purge_outbox WHERE next_attempt_at <= now()
                        ORDER BY requested_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, kind, subject_id, owner_id, requested_at, pending_receivers, attempts`,
        [limit, leaseMs],
      );
      return rows.map((row): PendingPurge => ({
        instruction: {
          id: row.id,
          kind: row.kind,
          subjectId: row.subject_id,
          ownerId: row.owner_id,
          requestedAt: row.requested_at.toISOString(),
          origin: 'user',
        } satisfies PurgeInstruction,
        receivers: row.pending_receivers,
        attempts: row.attempts,
      }));
    },
    async acknowledge(id, receiver) {
      await pool.query(
        'UPDATE purge_outbox SET pending_receivers = array_remove(pending_receivers, $2) WHERE id = $1',
        [id, receiver],
      );
      await pool.query('DELETE FROM purge_outbox WHERE id = $1 AND cardinality(pending_receivers) = 0', [id]);
    },
    async retryLater(id, delayMs) {
      await pool.query(
        `UPDATE purge_outbox SET attempts = attempts + 1,
                next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
          WHERE id = $1`,
        [id, delayMs],
      );
    },
    async backlog() {
      const { rows } = await pool.query<{ pending: string; oldest: Date | null }>(
        'SELECT count(*) AS pending, min(requested_at) AS oldest FROM purge_outbox',
      );
      return { pending: Number(rows[0]?.pending ?? 0), oldestRequestedAt: rows[0]?.oldest ?? undefined };
    },
  };
}
