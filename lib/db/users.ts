// Users: lookups for sign-in, and the idempotent create used by the seed and the CLI.
import 'server-only';
import { db } from './client';
import type { Role } from '@/lib/generated/prisma/enums';
import { revokeUserSessions } from './sessions';

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

const sessionFields = { id: true, email: true, name: true, role: true } as const;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The user with their password hash, for checking a sign-in; null when no such user or disabled. */
export async function findUserForSignIn(email: string) {
  const user = await db().user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { ...sessionFields, passwordHash: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  const { id, email: address, name, role, passwordHash } = user;
  return { id, email: address, name, role, passwordHash };
}

export async function findUserByEmail(email: string): Promise<SessionUser | null> {
  return db().user.findUnique({ where: { email: normaliseEmail(email) }, select: sessionFields });
}

/**
 * Creates the user, or updates role, name and password of the user with that email. An update ends
 * the user's sessions (a new password or role must not leave old sign-ins running).
 */
export async function upsertUser(input: {
  email: string;
  role: Role;
  passwordHash: string;
  name?: string | null;
}): Promise<SessionUser & { created: boolean }> {
  const email = normaliseEmail(input.email);
  const data = { role: input.role, passwordHash: input.passwordHash, name: input.name ?? null };
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const user = await tx.user.upsert({
      where: { email },
      create: { email, ...data },
      update: data,
      select: sessionFields,
    });
    if (existing) await revokeUserSessions(user.id, 'password_changed', tx);
    return { ...user, created: !existing };
  });
}
