// The signed-in user of the current request: the session cookie names a server-side session, which
// is checked on every request (sign-out, idle and absolute timeouts, revocation, a disabled user).
import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { findSessionUser } from '@/lib/db/sessions';
import type { SessionUser } from '@/lib/db/users';
import { authSecret } from '@/lib/env';
import { hasRole, type Role } from './roles';

export type { SessionUser };

export async function getSessionUser(): Promise<SessionUser | null> {
  const sessionId = await sessionIdFromCookie();
  return sessionId ? findSessionUser(sessionId) : null;
}

// next-auth's session cookie: its secure name on https, its plain one otherwise. It holds only the
// session and user ids, far below the 4 KB at which next-auth would split it into chunks.
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * The server-side session's id in the request's session cookie (next-auth's encrypted JWT), or null
 * when there is none, or it does not decrypt or has expired. The cookie is only read: it lives as
 * long as the longest session (options.ts), so it is not re-issued on every request as next-auth's
 * getServerSession does, which also runs its whole session route (about 1.5 ms a request).
 */
async function sessionIdFromCookie(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: authSecret() });
      return typeof payload?.sid === 'string' ? payload.sid : null;
    } catch {
      return null; // tampered with, made with another secret, or expired
    }
  }
  return null;
}

/** For pages: redirects to sign-in when signed out, answers 403 when the role is wrong. */
export async function requirePageRole(roles: Role[], callbackUrl = '/'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!hasRole(user, roles)) forbidden();
  return user;
}
