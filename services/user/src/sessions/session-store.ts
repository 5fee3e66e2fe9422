import { type Role, isRole } from '@what-if/contracts';
import type { Redis } from 'ioredis';

/** A live session as Redis holds it: what the gateway's session check and the session list read. */
export interface SessionRecord {
  sessionId: string;
  userId: string;
  roles: Role[];
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  userAgent: string;
  ip: string;
}

const sessionKey = (sessionId: string) => `session:${sessionId}`;
const userSessionsKey = (userId: string) => `user-sessions:${userId}`;

function toRecord(sessionId: string, hash: Record<string, string>): SessionRecord | undefined {
  if (!hash['userId']) return undefined;
  const roles = (hash['roles'] ?? '').split(',').filter(isRole);
  return {
    sessionId,
    userId: hash['userId'],
    roles: roles.length > 0 ? roles : ['user'],
    createdAt: hash['createdAt'] ?? '',
    lastUsedAt: hash['lastUsedAt'] ?? '',
    expiresAt: hash['expiresAt'] ?? '',
    userAgent: hash['userAgent'] ?? '',
    ip: hash['ip'] ?? '',
  };
}

/**
 * Sessions in Redis, each expiring with its refresh-token family, plus a set per user of
 * their session ids (for "log out everywhere" and the session list without a key scan).
 */
export class SessionStore {
  constructor(private readonly redis: Redis) {}

  async save(session: SessionRecord): Promise<void> {
    const ttlMs = Math.max(1, Date.parse(session.expiresAt) - Date.now());
    const key = sessionKey(session.sessionId);
    await this.redis
      .multi()
      .hset(key, {
        userId: session.userId,
        roles: session.roles.join(','),
        createdAt: session.createdAt,
        lastUsedAt: session.lastUsedAt,
        expiresAt: session.expiresAt,
        userAgent: session.userAgent,
        ip: session.ip,
      })
      .pexpire(key, ttlMs)
      .sadd(userSessionsKey(session.userId), session.sessionId)
      // The set outlives no session by much: it expires with the newest one.
      .pexpire(userSessionsKey(session.userId), ttlMs, 'GT')
      .exec();
    // A first session has no expiry yet for GT to compare against.
    await this.redis.pexpire(userSessionsKey(session.userId), ttlMs, 'NX');
  }

  async get(sessionId: string): Promise<SessionRecord | undefined> {
    return toRecord(sessionId, await this.redis.hgetall(sessionKey(sessionId)));
  }

  /** Records a refresh: when and from where the session was last used. */
  async touch(sessionId: string, ip: string, userAgent: string): Promise<void> {
    const key = sessionKey(sessionId);
    // Only an existing session is touched; a deleted one must not come back as a husk.
    await this.redis.eval(
      "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'lastUsedAt', ARGV[1], 'ip', ARGV[2], 'userAgent', ARGV[3]) end",
      1,
      key,
      new Date().toISOString(),
      ip,
      userAgent,
    );
  }

  async listForUser(userId: string): Promise<SessionRecord[]> {
    const ids = await this.redis.smembers(userSessionsKey(userId));
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(sessionKey(id));
    const answers = (await pipeline.exec()) ?? [];
    const live: SessionRecord[] = [];
    const gone: string[] = [];
    ids.forEach((id, index) => {
      const record = toRecord(id, (answers[index]?.[1] ?? {}) as Record<string, string>);
      if (record) live.push(record);
      else gone.push(id);
    });
    if (gone.length > 0) await this.redis.srem(userSessionsKey(userId), ...gone);
    return live;
  }

  async delete(userId: string, sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.redis
      .multi()
      .del(...sessionIds.map(sessionKey))
      .srem(userSessionsKey(userId), ...sessionIds)
      .exec();
  }

  /** Ends every session of a user but the one kept; returns the ids ended. */
  async deleteAllForUser(userId: string, keepSessionId?: string): Promise<string[]> {
    const ids = (await this.redis.smembers(userSessionsKey(userId))).filter((id) => id !== keepSessionId);
    await this.delete(userId, ids);
    return ids;
  }

  /** Carries a role change into the live sessions, so the gateway's session check reports it. */
  async setRolesForUser(userId: string, roles: readonly Role[]): Promise<void> {
    const ids = await this.redis.smembers(userSessionsKey(userId));
    if (ids.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of ids) {
      pipeline.eval(
        "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'roles', ARGV[1]) end",
        1,
        sessionKey(id),
        roles.join(','),
      );
    }
    await pipeline.exec();
  }
}
