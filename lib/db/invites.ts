// Invitations (sign-up mode `invite`): an admin names an email, role and group; the invitee opens the
// link once, before it expires, and sets a password (or signs in with single sign-on as that email).
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { auth } from '@/lib/config';
import { AppError } from '@/lib/http/errors';
import { recordAudit, type AuditActor } from './audit';
import { db } from './client';
import { normaliseEmail, type SessionUser } from './users';

type Tx = Prisma.TransactionClient;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type PendingInvite = { id: string; email: string; role: Role; group: string | null; expiresAt: Date };

const pendingFields = { id: true, email: true, role: true, group: true, expiresAt: true } as const;

/** Invitations are an admin's business: checked here again, whatever the caller checked before. */
function assertAdmin(actor: { role?: Role | null } | null): void {
  if (actor?.role !== 'ADMIN') throw new AppError('forbidden', 'Only admins manage invitations.');
}

/** Creates an invitation; the token is returned once (for the link) and only its hash is kept. */
export async function createInvite(
  actor: NonNullable<AuditActor>,
  input: { email: string; role: Role; group?: string | null },
  requestId?: string,
): Promise<PendingInvite & { token: string }> {
  assertAdmin(actor);
  const email = normaliseEmail(input.email);
  const token = randomBytes(32).toString('base64url');
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
      throw new AppError('bad_request', 'A user with this email already exists.');
    // A new invitation replaces any still-pending one for the same address.
    await tx.invite.updateMany({
      where: { email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invite = await tx.invite.create({
      data: {
        email,
        role: input.role,
        group: input.group ?? null,
        tokenHash: hashToken(token),
        invitedById: actor.id,
        expiresAt: new Date(Date.now() + auth.inviteTtlDays * 24 * 60 * 60 * 1000),
      },
      select: pendingFields,
    });
    await recordAudit(
      {
        actor,
        action: 'invite.created',
        target: { type: 'invite', id: invite.id },
        metadata: { role: invite.role, group: invite.group },
        requestId,
      },
      tx,
    );
    return { ...invite, token };
  });
}

const usable = (now: Date) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

/** The pending invitation a link's token opens; null when unknown, used, revoked or expired. */
export async function findUsableInvite(token: string): Promise<PendingInvite | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db().invite.findFirst({
    where: { tokenHash: hashToken(token), ...usable(new Date()) },
    select: pendingFields,
  });
}

/** The pending invitation for an email (single sign-on sign-ups carry no token). */
export async function findUsableInviteForEmail(email: string): Promise<PendingInvite | null> {
  return db().invite.findFirst({
    where: { email: normaliseEmail(email), ...usable(new Date()) },
    orderBy: { createdAt: 'desc' },
    select: pendingFields,
  });
}

/**
 * Uses the invitation: creates its user (role and group from the invitation) and marks it accepted,
 * in one transaction that fails if someone else used it first.
 */
export async function acceptInvite(
  inviteId: string,
  input: { name?: string | null; passwordHash?: string | null },
  tx?: Tx,
): Promise<SessionUser> {
  const run = async (t: Tx) => {
    const taken = await t.invite.updateMany({
      where: { id: inviteId, ...usable(new Date()) },
      data: { acceptedAt: new Date() },
    });
    if (taken.count !== 1) throw new AppError('bad_request', 'This invitation is no longer valid.');
    const invite = await t.invite.findUniqueOrThrow({ where: { id: inviteId } });
    const user = await t.user.create({
      data: {
        email: invite.email,
        role: invite.role,
        group: invite.group,
        name: input.name ?? null,
        passwordHash: input.passwordHash ?? null,
      },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'invite.accepted',
        target: { type: 'user', id: user.id },
        metadata: { inviteId, role: user.role, group: invite.group },
      },
      t,
    );
    return user;
  };
  return tx ? run(tx) : db().$transaction(run);
}

export async function revokeInvite(
  actor: NonNullable<AuditActor>,
  inviteId: string,
  requestId?: string,
): Promise<void> {
  assertAdmin(actor);
  await db().$transaction(async (tx) => {
    const result = await tx.invite.updateMany({
      where: { id: inviteId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) throw new AppError('not_found', 'No pending invitation with this id.');
    await recordAudit(
      { actor, action: 'invite.revoked', target: { type: 'invite', id: inviteId }, requestId },
      tx,
    );
  });
}

/** Invitations not yet used, revoked or expired, newest first. */
export async function listPendingInvites(
  viewer: { role: Role } | null,
): Promise<(PendingInvite & { createdAt: Date })[]> {
  assertAdmin(viewer);
  return db().invite.findMany({
    where: usable(new Date()),
    orderBy: { createdAt: 'desc' },
    select: { ...pendingFields, createdAt: true },
  });
}
