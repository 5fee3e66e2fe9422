import type { Pool, PoolClient } from 'pg';

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<Pool, 'query'> | PoolClient;

/** The kit's: every write lands or none does, and a connection lost on the way answers 503. */
export { inTransaction } from '@what-if/kit/postgres';

/** PostgreSQL's unique_violation, e.g. a second account with the same email. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505';
}
