// Users: lookups for sign-in and session, and the idempotent create used by the seed and the CLI.
import 'server-only';
import { db } from './client';
import type { Role } from '@/lib/generated/prisma/enums';

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

const sessionFields = { id: true, email: true, name: true, role: true } as const;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The user with their password hash, for checking a sign-in; null when no such user. */
export async function findUserForSignIn(email: string) {
  return db().user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { ...sessionFields, passwordHash: true },
  });
}

export async function findUserByEmail(email: string): Promise<SessionUser | null> {
  return db().user.findUnique({ where: { email: normaliseEmail(email) }, select: sessionFields });
}

export async function findSessionUser(id: string): Promise<SessionUser | null> {
  return db().user.findUnique({ where: { id }, select: sessionFields });
}

/** Creates the user, or updates role, name and password of the user with that email. */
export async function upsertUser(input: {
  email: string;
  role: Role;
  passwordHash: string;
  name?: string | null;
}): Promise<SessionUser & { created: boolean }> {
  const email = normaliseEmail(input.email);
  const existing = await db().user.findUnique({ where: { email }, select: { id: true } });
  const data = { role: input.role, passwordHash: input.passwordHash, name: input.name ?? null };
  const user = await db().user.upsert({
    where: { email },
    create: { email, ...data },
    update: data,
    select: sessionFields,
  });
  return { ...user, created: !existing };
}
