// Sign-in sessions: the cookie names a row here, and a request is signed in only while that row is
// live: not revoked, not idle past auth.sessionIdleSeconds, not past its absolute end, and its user
// not disabled.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { auth } from '@/lib/config';
import { log } from '@/lib/observability/logger';
import { db } from './client';
import { queryRows } from './sql';
import type { SessionUser } from './users';

type Tx = Prisma.TransactionClient;

export type RevokeReason =
  'sign_out' | 'role_changed' | 'password_changed' | 'disabled' | 'admin' | 'idle' | 'expired';

/** Opens a session for a user who just proved who they are; returns its id for the cookie. */
export async function createSession(input: {
  userId: string;
  method: string;
  userAgent?: string | null;
}): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + auth.sessionAbsoluteSeconds * 1000);
  await db().session.create({
    data: {
      id,
      userId: input.userId,
      method: input.method,
      expiresAt,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { id, expiresAt };
}

/**
 * The user of a live session, or null. One indexed read; the last-seen time is written again only
 * when it is more than auth.sessionTouchSeconds old (not awaited: a failed touch is logged).
 */
export async function findSessionUser(sessionId: string, now = new Date()): Promise<SessionUser | null> {
  // One round trip on every signed-in request: the session and its user, joined, on the pool itself
  // (sql.ts). The times are compared in the database: its columns hold UTC wall-clock time, and so
  // does `now` written as ISO text and read as a timestamp without a time zone.
  const [row] = await queryRows<{
    id: string;
    email: string;
    name: string | null;
    role: Role;
    live: boolean;
    idle_ms: string | number;
  }>(
    `SELECT u.id, u.email, u.name, u.role::text AS role,
      s.revoked_at IS NULL AND u.disabled_at IS NULL AND s.expires_at > $2::timestamp AS live,
      extract(epoch FROM ($2::timestamp - s.last_seen_at)) * 1000 AS idle_ms
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = $1`,
    [sessionId, now.toISOString()],
  );
  if (!row?.live) return null;
  const idleMs = Number(row.idle_ms);
  if (idleMs > auth.sessionIdleSeconds * 1000) return null;
  if (idleMs > auth.sessionTouchSeconds * 1000) void touch(sessionId, now);
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

async function touch(sessionId: string, now: Date): Promise<void> {
  try {
    await db().session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { lastSeenAt: now },
    });
  } catch (error) {
    log().error({ err: error }, 'could not record the session activity');
  }
}

export async function revokeSession(sessionId: string, reason: RevokeReason): Promise<void> {
  await db().session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
}

/** Ends every live session of the user at once; returns how many were live. */
export async function revokeUserSessions(userId: string, reason: RevokeReason, tx?: Tx): Promise<number> {
  const result = await (tx ?? db()).session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return result.count;
}

/** The user's sessions that are still live, newest first (for the user's and the admin's view). */
export async function listLiveSessions(userId: string, now = new Date()) {
  return db().session.findMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - auth.sessionIdleSeconds * 1000) },
    },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, method: true, userAgent: true },
  });
}

/** Deletes sessions that ended more than a day ago (housekeeping; ended sessions admit nobody). */
export async function deleteEndedSessions(now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const result = await db().session.deleteMany({
    where: {
      OR: [
        { expiresAt: { lt: dayAgo } },
        { revokedAt: { lt: dayAgo } },
        { lastSeenAt: { lt: new Date(dayAgo.getTime() - auth.sessionIdleSeconds * 1000) } },
      ],
    },
  });
  return result.count;
}
