// [SESSIONS] A sign-in is a server-side session: it admits its user until sign-out, an idle gap, its
// absolute end, a role or password change, or the user being disabled, and each ends it at once.
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { getSessionUser } from '../../lib/auth/session';
import { auth } from '../../lib/config';
import { db } from '../../lib/db/client';
import {
  createSession,
  deleteEndedSessions,
  findSessionUser,
  listLiveSessions,
  revokeSession,
  revokeUserSessions,
} from '../../lib/db/sessions';
import { findUserForSignIn, upsertUser } from '../../lib/db/users';
import { authSecret } from '../../lib/env';

// The request's cookies, as next/headers gives them to getSessionUser.
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  }),
}));

const someone = (email: string) => upsertUser({ email, role: 'USER', passwordHash: 'scrypt$x' });
const seconds = (n: number) => n * 1000;

describe('[SESSIONS] server-side sessions', () => {
  it('admits the user of a live session and records activity at most once a touch interval', async () => {
    const user = await someone('session-live@example.test');
    const { id, expiresAt } = await createSession({ userId: user.id, method: 'credentials' });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + seconds(auth.sessionAbsoluteSeconds) - 5000);
    expect(await findSessionUser(id)).toEqual({ id: user.id, email: user.email, name: null, role: 'USER' });

    const later = new Date(Date.now() + seconds(auth.sessionTouchSeconds + 5));
    expect(await findSessionUser(id, later)).not.toBeNull();
    await expect
      .poll(async () => (await db().session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime())
      .toBe(later.getTime());
  });

  it('ends a session after an idle gap and at its absolute end, however active', async () => {
    const user = await someone('session-timeouts@example.test');
    const { id } = await createSession({ userId: user.id, method: 'credentials' });
    const idle = new Date(Date.now() + seconds(auth.sessionIdleSeconds + 1));
    expect(await findSessionUser(id, idle)).toBeNull();

    // Active every few minutes, the session still ends at its absolute end.
    await db().session.update({
      where: { id },
      data: { lastSeenAt: new Date(Date.now() + seconds(auth.sessionAbsoluteSeconds - 60)) },
    });
    const pastEnd = new Date(Date.now() + seconds(auth.sessionAbsoluteSeconds + 1));
    expect(await findSessionUser(id, pastEnd)).toBeNull();
  });

  it('ends one session on sign-out, leaving the user’s other sessions', async () => {
    const user = await someone('session-signout@example.test');
    const phone = await createSession({ userId: user.id, method: 'credentials' });
    const laptop = await createSession({ userId: user.id, method: 'credentials' });
    await revokeSession(phone.id, 'sign_out');
    expect(await findSessionUser(phone.id)).toBeNull();
    expect(await findSessionUser(laptop.id)).not.toBeNull();
    expect((await listLiveSessions(user.id)).map((s) => s.id)).toEqual([laptop.id]);
    const row = await db().session.findUniqueOrThrow({ where: { id: phone.id } });
    expect(row.revokedReason).toBe('sign_out');
  });

  it('ends every session of a user whose password or role is changed', async () => {
    const user = await someone('session-password@example.test');
    const a = await createSession({ userId: user.id, method: 'credentials' });
    const b = await createSession({ userId: user.id, method: 'oidc' });
    await upsertUser({ email: user.email, role: 'ADMIN', passwordHash: 'scrypt$new' });
    expect(await findSessionUser(a.id)).toBeNull();
    expect(await findSessionUser(b.id)).toBeNull();
    expect(await revokeUserSessions(user.id, 'admin')).toBe(0);
  });

  it('admits nobody as a disabled user, neither by session nor by password', async () => {
    const user = await someone('session-disabled@example.test');
    const { id } = await createSession({ userId: user.id, method: 'credentials' });
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findSessionUser(id)).toBeNull();
    expect(await findUserForSignIn(user.email)).toBeNull();
  });

  it('refuses an unknown session id, and housekeeping deletes sessions ended over a day ago', async () => {
    expect(await findSessionUser('no-such-session')).toBeNull();
    const user = await someone('session-housekeeping@example.test');
    const old = await createSession({ userId: user.id, method: 'credentials' });
    const live = await createSession({ userId: user.id, method: 'credentials' });
    await db().session.update({
      where: { id: old.id },
      data: { revokedAt: new Date(Date.now() - seconds(2 * 86_400)) },
    });
    expect(await deleteEndedSessions()).toBeGreaterThanOrEqual(1);
    expect(await db().session.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().session.findUnique({ where: { id: live.id } })).not.toBeNull();
  });

  it('reads the session from the request’s session cookie: its plain or secure name, never a forged or expired one', async () => {
    const user = await someone('session-cookie@example.test');
    const { id } = await createSession({ userId: user.id, method: 'credentials' });
    const cookie = (maxAge: number, secret = authSecret()) =>
      encode({ token: { sub: user.id, sid: id }, secret, maxAge });
    const expected = { id: user.id, email: user.email, name: null, role: 'USER' };

    jar.clear();
    expect(await getSessionUser()).toBeNull();
    jar.set('next-auth.session-token', await cookie(3600));
    expect(await getSessionUser()).toEqual(expected);
    jar.clear();
    jar.set('__Secure-next-auth.session-token', await cookie(3600));
    expect(await getSessionUser()).toEqual(expected);

    // Made with another secret, altered, or past its expiry: nobody.
    jar.set(
      '__Secure-next-auth.session-token',
      await cookie(3600, 'another secret of at least 32 characters'),
    );
    expect(await getSessionUser()).toBeNull();
    const good = await cookie(3600);
    jar.set('__Secure-next-auth.session-token', `${good.slice(0, -4)}AAAA`);
    expect(await getSessionUser()).toBeNull();
    jar.set('__Secure-next-auth.session-token', await cookie(-60));
    expect(await getSessionUser()).toBeNull();

    // A valid cookie of a session that has ended admits nobody either.
    jar.set('__Secure-next-auth.session-token', good);
    expect(await getSessionUser()).toEqual(expected);
    await revokeSession(id, 'sign_out');
    expect(await getSessionUser()).toBeNull();
  });
});
