// The signed-in user of the current request: the session cookie names a server-side session, which
// is checked on every request (sign-out, idle and absolute timeouts, revocation, a disabled user).
import 'server-only';
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { findSessionUser } from '@/lib/db/sessions';
import type { SessionUser } from '@/lib/db/users';
import { hasRole, type Role } from './roles';
import { authOptions } from './options';

export type { SessionUser };

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions())) as { sessionId?: string } | null;
  if (!session?.sessionId) return null;
  return findSessionUser(session.sessionId);
}

/** For pages: redirects to sign-in when signed out, answers 403 when the role is wrong. */
export async function requirePageRole(roles: Role[], callbackUrl = '/'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!hasRole(user, roles)) forbidden();
  return user;
}
