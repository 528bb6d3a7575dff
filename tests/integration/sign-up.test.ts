// [SIGN-UP] Who may create an account, per SIGNUP_MODE: closed refuses everyone; invite needs a
// usable invitation (its role and group applied, used once, not expired or revoked); open makes a
// USER. Each mode loads the modules afresh with the setting in the environment, as a process would.
import { afterAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { db } from '../../lib/db/client';
import { upsertUser } from '../../lib/db/users';
import type { AppError } from '../../lib/http/errors';

type Mode = 'open' | 'invite' | 'closed';

const original = process.env.SIGNUP_MODE;
afterAll(() => {
  if (original === undefined) delete process.env.SIGNUP_MODE;
  else process.env.SIGNUP_MODE = original;
});

/** The sign-up code, the invitations and the route as a process started with SIGNUP_MODE=mode has them. */
async function load(mode: Mode) {
  process.env.SIGNUP_MODE = mode;
  vi.resetModules();
  return {
    ...(await import('../../lib/auth/sign-up')),
    ...(await import('../../lib/db/invites')),
    route: (await import('../../app/api/signup/route')).POST,
  };
}

/**
 * A fresh client address per attempt, so the per-IP sign-up limit never interferes: random, because
 * the limit's Redis outlives a run and the same addresses again within the hour would be refused.
 */
const octet = () => Math.floor(Math.random() * 250) + 1;
const ip = () => `10.${octet()}.${octet()}.${octet()}`;
const password = 'a long enough password';

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  // Each mode loads its own copy of the modules, so the class is matched by name.
  expect((error as Error | null)?.name).toBe('AppError');
  return error as AppError;
}

let admin: { id: string; role: 'ADMIN' };
beforeEach(async () => {
  const user = await upsertUser({
    email: 'signup-admin@example.com',
    role: 'ADMIN',
    passwordHash: 'scrypt$x',
  });
  admin = { id: user.id, role: 'ADMIN' };
});

describe(`[SIGN-UP] on ${inject('database')}`, () => {
  it('closed: refuses a sign-up, an invitation link included', async () => {
    const { signUpWithPassword, createInvite, signUpMode } = await load('closed');
    expect(signUpMode()).toBe('closed');
    const invite = await createInvite(admin, { email: 'closed-invitee@example.com', role: 'USER' });
    for (const attempt of [
      { email: 'closed@example.com', password, ip: ip() },
      { email: '', password, inviteToken: invite.token, ip: ip() },
    ]) {
      const error = await errorOf(signUpWithPassword(attempt));
      expect(error.code).toBe('forbidden');
      expect(error.message).toBe('Sign-up is closed. Ask an administrator for an account.');
    }
    expect(
      await db().user.count({
        where: { email: { in: ['closed@example.com', 'closed-invitee@example.com'] } },
      }),
    ).toBe(0);
  });

  it('invite: needs a usable invitation, and applies its email, role and group', async () => {
    const { signUpWithPassword, createInvite, revokeInvite } = await load('invite');
    const refused = await errorOf(signUpWithPassword({ email: 'uninvited@example.com', password, ip: ip() }));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toBe('Sign-up is by invitation. Ask an administrator for an invitation link.');

    const invite = await createInvite(admin, {
      email: 'Invitee@Example.com',
      role: 'COMPLIANCE',
      group: 'Audit',
    });
    // The email typed is ignored: the invitation's address is the account's.
    const user = await signUpWithPassword({
      email: 'someone-else@example.com',
      name: 'Ivy',
      password,
      inviteToken: invite.token,
      ip: ip(),
    });
    expect(user).toMatchObject({ email: 'invitee@example.com', name: 'Ivy', role: 'COMPLIANCE' });
    const stored = await db().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { group: true, passwordHash: true },
    });
    expect(stored.group).toBe('Audit');
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(await db().user.count({ where: { email: 'someone-else@example.com' } })).toBe(0);
    const accepted = await db().auditEvent.findFirst({
      where: { action: 'invite.accepted', targetId: user.id },
    });
    expect(accepted?.metadata).toMatchObject({ inviteId: invite.id, role: 'COMPLIANCE', group: 'Audit' });

    const invalid = 'This invitation link is not valid or has expired.';
    // Used once.
    expect(
      (await errorOf(signUpWithPassword({ email: '', password, inviteToken: invite.token, ip: ip() })))
        .message,
    ).toBe(invalid);
    // Expired.
    const expiring = await createInvite(admin, { email: 'expired-invitee@example.com', role: 'USER' });
    await db().invite.update({
      where: { id: expiring.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect(
      (await errorOf(signUpWithPassword({ email: '', password, inviteToken: expiring.token, ip: ip() })))
        .message,
    ).toBe(invalid);
    // Revoked.
    const revoked = await createInvite(admin, { email: 'revoked-invitee@example.com', role: 'USER' });
    await revokeInvite(admin, revoked.id);
    expect(
      (await errorOf(signUpWithPassword({ email: '', password, inviteToken: revoked.token, ip: ip() })))
        .message,
    ).toBe(invalid);
    // Unknown, and malformed.
    for (const token of ['A'.repeat(43), 'not a token'])
      expect(
        (await errorOf(signUpWithPassword({ email: '', password, inviteToken: token, ip: ip() }))).message,
      ).toBe(invalid);
    expect(
      await db().user.count({
        where: { email: { in: ['expired-invitee@example.com', 'revoked-invitee@example.com'] } },
      }),
    ).toBe(0);
  });

  it('open: anyone makes a USER account once per address; an invitation still applies its role', async () => {
    const { signUpWithPassword, createInvite } = await load('open');
    const user = await signUpWithPassword({
      email: ' Open.User@Example.com ',
      name: 'Olu',
      password,
      ip: ip(),
    });
    expect(user).toMatchObject({ email: 'open.user@example.com', name: 'Olu', role: 'USER' });
    expect(await db().auditEvent.count({ where: { action: 'user.signed_up', targetId: user.id } })).toBe(1);
    const again = await errorOf(signUpWithPassword({ email: 'open.user@example.com', password, ip: ip() }));
    expect(again.message).toBe('An account with this email already exists. Sign in instead.');
    const short = await errorOf(
      signUpWithPassword({ email: 'short@example.com', password: 'short', ip: ip() }),
    );
    expect(short.code).toBe('validation_failed');

    const invite = await createInvite(admin, {
      email: 'open-invitee@example.com',
      role: 'ADMIN',
      group: 'Ops',
    });
    const invited = await signUpWithPassword({ email: '', password, inviteToken: invite.token, ip: ip() });
    expect(invited).toMatchObject({ email: 'open-invitee@example.com', role: 'ADMIN' });
  });

  it('POST /api/signup: JSON only, checks its body, answers with the error shape', async () => {
    const { route } = await load('open');
    const post = (body: unknown, contentType = 'application/json') =>
      route(
        new Request('http://localhost/api/signup', {
          method: 'POST',
          headers: { 'content-type': contentType, 'x-forwarded-for': ip() },
          body: JSON.stringify(body),
        }),
      );
    const created = await post({ email: 'route-user@example.com', name: 'Rue', password });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ user: { email: 'route-user@example.com' } });

    const plain = await post({ email: 'csrf@example.com', password }, 'text/plain');
    expect(plain.status).toBe(415);
    expect(await db().user.count({ where: { email: 'csrf@example.com' } })).toBe(0);

    const short = await post({ email: 'route-short@example.com', password: 'short' });
    expect(short.status).toBe(400);
    expect((await short.json()).error).toMatchObject({
      code: 'validation_failed',
      message: 'password: must be at least 12 characters',
    });
    const noEmail = await post({ password });
    expect((await noEmail.json()).error.message).toBe('email: is required');
    const taken = await post({ email: 'route-user@example.com', password });
    expect(taken.status).toBe(400);

    const { route: closedRoute } = await load('closed');
    const closed = await closedRoute(
      new Request('http://localhost/api/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'route-closed@example.com', password }),
      }),
    );
    expect(closed.status).toBe(403);
  });
});
