// Users as an admin sees and changes them: the searchable list with today's usage and live sessions,
// and role, disabled and group changes. Each change commits with its audit event, and a role change or
// disabling ends the user's sessions in the same transaction.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { auth } from '@/lib/config';
import { assertRole } from '@/lib/auth/roles';
import { userLimits, type UserStatus } from '@/lib/auth/user-limits';
import { AppError } from '@/lib/http/errors';
import { utcDay } from '@/lib/rate-limit/daily-window';
import { usageByUser, type Usage } from './usage';
import { recordAudit } from './audit';
import { db } from './client';
import { revokeUserSessions } from './sessions';
import type { SessionUser } from './users';

type Tx = Prisma.TransactionClient;

export type AdminUserRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  group: string | null;
  disabledAt: Date | null;
  createdAt: Date;
  tokensToday: number;
  costTodayUsd: number;
  liveSessions: number;
};

export type UserPage = { users: AdminUserRow[]; total: number; page: number; pageCount: number };

export async function listUsers(
  viewer: SessionUser | null,
  query: { search?: string; role?: Role; status?: UserStatus; page?: number },
  now: Date = new Date(),
): Promise<UserPage> {
  assertRole(viewer, ['ADMIN']);
  const search = query.search?.trim();
  const where: Prisma.UserWhereInput = {
    ...(search
      ? {
          OR: [
            { email: { contains: search, mode: 'insensitive' } },
            { name: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status === 'active' ? { disabledAt: null } : {}),
    ...(query.status === 'disabled' ? { disabledAt: { not: null } } : {}),
  };
  const size = userLimits.pageSize;
  const total = await db().user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, query.page ?? 1), pageCount);
  const users = await db().user.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * size,
    take: size,
    select: { id: true, email: true, name: true, role: true, group: true, disabledAt: true, createdAt: true },
  });
  const ids = users.map((user) => user.id);
  const [usage, sessions] = await Promise.all([usageToday(ids, now), liveSessionCounts(ids, now)]);
  return {
    users: users.map((user) => ({
      ...user,
      tokensToday: usage.get(user.id)?.tokens ?? 0,
      costTodayUsd: usage.get(user.id)?.costUsd ?? 0,
      liveSessions: sessions.get(user.id) ?? 0,
    })),
    total,
    page,
    pageCount,
  };
}

/** Today's (UTC) tokens and cost per user, in one grouped query over query_logs. */
function usageToday(ids: string[], now: Date): Promise<Map<string, Usage>> {
  return usageByUser({ userIds: ids, ...utcDay(now) });
}

/** Live sessions per user: not revoked, not past their end, not idle too long (as lib/db/sessions.ts). */
async function liveSessionCounts(ids: string[], now: Date): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const groups = await db().session.groupBy({
    by: ['userId'],
    where: {
      userId: { in: ids },
      revokedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - auth.sessionIdleSeconds * 1000) },
    },
    _count: { _all: true },
  });
  return new Map(groups.map((row) => [row.userId, row._count._all]));
}

/** One admin change at a time, so two admins cannot each remove the other's last admin at once. */
const ADMIN_CHANGE_LOCK = 0x75736572; // "user"

type Target = { id: string; email: string; role: Role; group: string | null; disabledAt: Date | null };

async function lockTarget(tx: Tx, userId: string): Promise<Target> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK}::bigint)`;
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, group: true, disabledAt: true },
  });
  if (!user) throw new AppError('not_found', 'No user with this id.');
  return user;
}

/** Refuses a change that would leave no enabled admin. */
async function assertAnotherAdmin(tx: Tx, target: Target, refusal: string): Promise<void> {
  if (target.role !== 'ADMIN' || target.disabledAt) return;
  const others = await tx.user.count({ where: { role: 'ADMIN', disabledAt: null, id: { not: target.id } } });
  if (others === 0) throw new AppError('bad_request', refusal);
}

export type UserChange = { id: string; role: Role; group: string | null; disabledAt: Date | null };

const changed = (user: Target): UserChange => ({
  id: user.id,
  role: user.role,
  group: user.group,
  disabledAt: user.disabledAt,
});

/** Gives the user another role; their sessions end, so the new role applies from a fresh sign-in. */
export async function changeRole(
  actor: SessionUser | null,
  userId: string,
  role: Role,
  requestId?: string,
): Promise<UserChange> {
  assertRole(actor, ['ADMIN']);
  return db().$transaction(async (tx) => {
    const target = await lockTarget(tx, userId);
    if (target.role === role) return changed(target);
    if (target.id === actor.id)
      throw new AppError('bad_request', 'You cannot remove your own admin role. Ask another admin to do it.');
    await assertAnotherAdmin(tx, target, 'This is the only enabled admin. Make another user an admin first.');
    const user = await tx.user.update({
      where: { id: userId },
      data: { role },
      select: { id: true, email: true, role: true, group: true, disabledAt: true },
    });
    const sessionsEnded = await revokeUserSessions(userId, 'role_changed', tx);
    await recordAudit(
      {
        actor,
        action: 'user.role_changed',
        target: { type: 'user', id: userId },
        metadata: { from: target.role, to: role, sessionsEnded },
        requestId,
      },
      tx,
    );
    return changed(user);
  });
}

/** Disables (sign-in, sessions and API keys stop at once) or enables the user again. */
export async function setDisabled(
  actor: SessionUser | null,
  userId: string,
  disabled: boolean,
  requestId?: string,
): Promise<UserChange> {
  assertRole(actor, ['ADMIN']);
  return db().$transaction(async (tx) => {
    const target = await lockTarget(tx, userId);
    if (Boolean(target.disabledAt) === disabled) return changed(target);
    if (disabled && target.id === actor.id)
      throw new AppError('bad_request', 'You cannot disable your own account. Ask another admin to do it.');
    if (disabled)
      await assertAnotherAdmin(tx, target, 'This is the only enabled admin and cannot be disabled.');
    const user = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? new Date() : null },
      select: { id: true, email: true, role: true, group: true, disabledAt: true },
    });
    const sessionsEnded = disabled ? await revokeUserSessions(userId, 'disabled', tx) : 0;
    await recordAudit(
      {
        actor,
        action: disabled ? 'user.disabled' : 'user.enabled',
        target: { type: 'user', id: userId },
        metadata: disabled ? { sessionsEnded } : {},
        requestId,
      },
      tx,
    );
    return changed(user);
  });
}

/** Sets the user's group (team, region…) for the fairness report; null or blank clears it. */
export async function setGroup(
  actor: SessionUser | null,
  userId: string,
  group: string | null,
  requestId?: string,
): Promise<UserChange> {
  assertRole(actor, ['ADMIN']);
  const next = group?.trim() || null;
  if (next && next.length > userLimits.groupMaxChars)
    throw new AppError('validation_failed', `group: must be at most ${userLimits.groupMaxChars} characters`);
  return db().$transaction(async (tx) => {
    const target = await lockTarget(tx, userId);
    if (target.group === next) return changed(target);
    const user = await tx.user.update({
      where: { id: userId },
      data: { group: next },
      select: { id: true, email: true, role: true, group: true, disabledAt: true },
    });
    await recordAudit(
      {
        actor,
        action: 'user.group_changed',
        target: { type: 'user', id: userId },
        metadata: { from: target.group, to: next },
        requestId,
      },
      tx,
    );
    return changed(user);
  });
}
