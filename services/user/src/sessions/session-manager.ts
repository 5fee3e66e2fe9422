import { type Role } from '@what-if/contracts';
import { type Logger, logSecurityEvent } from '@what-if/kit';
import type { Pool, PoolClient } from 'pg';
import { type UserRecord, findUserByIdForShare } from '../accounts/user-store';
import { accountDisabled, invalidRefreshToken } from '../http/account-problems';
import type { ClientInfo } from '../http/client-info';
import type { AccessTokenIssuer } from '../tokens/access-tokens';
import { type Queryable, inTransaction } from '../database/transaction';
import {
  lockLiveFamily,
  openFamily,
  revokeAllFamilies,
  revokeFamily,
  rotateRefreshToken,
} from './refresh-token-store';
import type { SessionStore } from './session-store';

/** What a sign-in or a refresh answers with. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  sessionId: string;
}

export interface SessionManagerOptions {
  pool: Pool;
  store: SessionStore;
  accessTokens: AccessTokenIssuer;
  refreshTtlSeconds: number;
  logger: Logger;
}

/**
 * Sessions across both stores: the refresh-token family in PostgreSQL is the record of
 * truth (it survives a Redis loss), the Redis session is what fast checks read. Ending a
 * session revokes the family first, then deletes the Redis session.
 */
export class SessionManager {
  constructor(private readonly options: SessionManagerOptions) {}

  /**
   * Signs a user in: a new family, its Redis session, a token pair; inside the caller's
   * transaction when given one. The account row is held (FOR SHARE) until the Redis session is
   * saved, so a concurrent disable waits for this sign-in and then ends its session too.
   */
  async start(user: { id: string }, client: ClientInfo, db?: PoolClient): Promise<TokenPair> {
    if (db) return this.startIn(db, user.id, client);
    return inTransaction(this.options.pool, (transaction) => this.startIn(transaction, user.id, client));
  }

  private async startIn(db: PoolClient, userId: string, client: ClientInfo): Promise<TokenPair> {
    const user = await findUserByIdForShare(db, userId);
    if (!user || user.disabledAt) throw accountDisabled();
    const family = await openFamily(db, user.id, this.options.refreshTtlSeconds);
    const now = family.createdAt.toISOString();
    await this.options.store.save({
      sessionId: family.familyId,
      userId: user.id,
      roles: user.roles,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: family.expiresAt.toISOString(),
      userAgent: client.userAgent,
      ip: client.ip,
    });
    return this.pair(user.id, user.roles, family.familyId, family.refreshToken);
  }

  /** Rotates a refresh token; reuse (outside the grace window for a lost answer) revokes its whole family. */
  async refresh(presented: string, client: ClientInfo): Promise<{ user: UserRecord; tokens: TokenPair }> {
    const { logger, pool, store } = this.options;
    const rotation = await rotateRefreshToken(pool, presented);
    if (rotation.outcome !== 'rotated') {
      if (rotation.outcome === 'reused') await store.delete(rotation.userId, [rotation.familyId]);
      logSecurityEvent(logger, 'token-refresh', 'denied', {
        reason: {
          unknown: 'unknown refresh token',
          reused: 'refresh token reused: session revoked',
          ended: 'session ended',
        }[rotation.outcome],
        ...(rotation.outcome === 'unknown' ? {} : { userId: rotation.userId, sessionId: rotation.familyId }),
        ip: client.ip,
      });
      throw invalidRefreshToken();
    }
    // As in start: the account and the family are held until the Redis session is current.
    const user = await inTransaction(pool, async (db) => {
      const user = await findUserByIdForShare(db, rotation.userId);
      if (!user || user.disabledAt || !(await lockLiveFamily(db, rotation.familyId))) return undefined;
      const existing = await store.get(rotation.familyId);
      if (existing) {
        await store.touch(rotation.familyId, client.ip, client.userAgent);
      } else {
        // The family lives in PostgreSQL but Redis lost the session (a flush, a failover): restore it.
        const now = new Date().toISOString();
        await store.save({
          sessionId: rotation.familyId,
          userId: user.id,
          roles: user.roles,
          createdAt: now,
          lastUsedAt: now,
          expiresAt: rotation.expiresAt.toISOString(),
          userAgent: client.userAgent,
          ip: client.ip,
        });
      }
      return user;
    });
    if (!user) {
      await this.end(rotation.userId, rotation.familyId, 'account disabled or session ended');
      logSecurityEvent(logger, 'token-refresh', 'denied', {
        reason: 'account disabled or session ended',
        userId: rotation.userId,
        sessionId: rotation.familyId,
      });
      throw invalidRefreshToken();
    }
    logSecurityEvent(logger, 'token-refresh', 'succeeded', {
      userId: user.id,
      sessionId: rotation.familyId,
      ...(rotation.retry
        ? { reason: 'spent token again within the grace window: its unused successor replaced' }
        : {}),
    });
    return { user, tokens: this.pair(user.id, user.roles, rotation.familyId, rotation.refreshToken) };
  }

  /** Ends one session of a user; false when it was not theirs or already over. */
  async end(userId: string, sessionId: string, reason: string): Promise<boolean> {
    const revoked = await revokeFamily(this.options.pool, userId, sessionId, reason);
    const live = await this.options.store.get(sessionId);
    if (live && live.userId === userId) await this.options.store.delete(userId, [sessionId]);
    return revoked || live?.userId === userId;
  }

  /** Ends every session of a user, but the one kept; returns how many ended. */
  async endAll(userId: string, reason: string, keepSessionId?: string): Promise<number> {
    const revoked = await revokeAllFamilies(this.options.pool, userId, reason, keepSessionId);
    const deleted = await this.options.store.deleteAllForUser(userId, keepSessionId);
    return new Set([...revoked, ...deleted]).size;
  }

  /** Revokes the families inside a caller's transaction; call `forgetAll` after it commits. */
  async revokeAllIn(db: Queryable, userId: string, reason: string, keepSessionId?: string): Promise<void> {
    await revokeAllFamilies(db, userId, reason, keepSessionId);
  }

  /** Deletes the Redis side of a user's sessions (after their families were revoked or deleted). */
  async forgetAll(userId: string, keepSessionId?: string): Promise<void> {
    await this.options.store.deleteAllForUser(userId, keepSessionId);
  }

  private pair(userId: string, roles: Role[], sessionId: string, refreshToken: string): TokenPair {
    return {
      accessToken: this.options.accessTokens.issue({ userId, roles, sessionId }),
      refreshToken,
      expiresIn: this.options.accessTokens.ttlSeconds,
      sessionId,
    };
  }
}
