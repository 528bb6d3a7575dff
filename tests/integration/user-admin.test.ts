// [ADMIN][USERS] The data layer of the Users page: role changes and disabling end the user's sessions
// and write their audit event in the same transaction; an admin cannot demote or disable themself,
// nor leave no enabled admin; the list searches, filters, pages and sums today's usage per user.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { authenticateApiKey, createApiKey } from '../../lib/db/api-keys';
import { db } from '../../lib/db/client';
import { createSession, findSessionUser } from '../../lib/db/sessions';
import { changeRole, listUsers, setDisabled, setGroup } from '../../lib/db/user-admin';
import { findUserForSignIn, upsertUser } from '../../lib/db/users';
import { AppError } from '../../lib/http/errors';
import { rejectionOf } from '../support/rejection';

type Role = 'USER' | 'ADMIN' | 'COMPLIANCE';

const someone = (email: string, role: Role = 'USER') => upsertUser({ email, role, passwordHash: 'scrypt$x' });

const errorOf = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

const auditFor = (userId: string) =>
  db().auditEvent.findMany({ where: { targetId: userId }, orderBy: { seq: 'asc' } });

/** Other files' admins would make "the last admin" untrue: they are set aside and put back. */
let setAside: string[] = [];
async function onlyAdmins(...keep: string[]) {
  const others = await db().user.findMany({
    where: { role: 'ADMIN', disabledAt: null, id: { notIn: keep } },
    select: { id: true },
  });
  setAside = others.map((user) => user.id);
  await db().user.updateMany({ where: { id: { in: setAside } }, data: { role: 'USER' } });
}
afterEach(async () => {
  await db().user.updateMany({ where: { id: { in: setAside } }, data: { role: 'ADMIN' } });
  setAside = [];
});

describe(`[ADMIN][USERS] changes on ${inject('database')}`, () => {
  it('changes a role, ends every live session of the user and records from/to, in one transaction', async () => {
    const admin = await someone('ua-admin-1@example.com', 'ADMIN');
    const target = await someone('ua-target-1@example.com');
    const first = await createSession({ userId: target.id, method: 'credentials' });
    const second = await createSession({ userId: target.id, method: 'credentials' });
    const adminSession = await createSession({ userId: admin.id, method: 'credentials' });

    const changed = await changeRole(admin, target.id, 'COMPLIANCE', 'req-role-1');
    expect(changed).toMatchObject({ id: target.id, role: 'COMPLIANCE' });
    expect(await findSessionUser(first.id)).toBeNull();
    expect(await findSessionUser(second.id)).toBeNull();
    expect(await findSessionUser(adminSession.id)).toMatchObject({ id: admin.id });

    const sessions = await db().session.findMany({ where: { userId: target.id } });
    expect(sessions).toHaveLength(2);
    for (const session of sessions) {
      expect(session.revokedAt).not.toBeNull();
      expect(session.revokedReason).toBe('role_changed');
    }
    const [event, ...more] = await auditFor(target.id);
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({
      action: 'user.role_changed',
      actorId: admin.id,
      actorRole: 'ADMIN',
      targetType: 'user',
      targetId: target.id,
      requestId: 'req-role-1',
      metadata: { from: 'USER', to: 'COMPLIANCE', sessionsEnded: 2 },
    });
    // The revocation and the audit event carry the time of one transaction.
    expect(Math.abs(event!.at.getTime() - sessions[0]!.revokedAt!.getTime())).toBeLessThan(5_000);

    // The same role again changes nothing and records nothing.
    await changeRole(admin, target.id, 'COMPLIANCE');
    expect(await auditFor(target.id)).toHaveLength(1);
  });

  it('refuses an admin demoting themself, and leaves their sessions and the audit trail alone', async () => {
    const admin = await someone('ua-self@example.com', 'ADMIN');
    await someone('ua-other-admin@example.com', 'ADMIN');
    const session = await createSession({ userId: admin.id, method: 'credentials' });
    const error = await errorOf(changeRole(admin, admin.id, 'USER'));
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('You cannot remove your own admin role. Ask another admin to do it.');
    expect((await errorOf(setDisabled(admin, admin.id, true))).message).toBe(
      'You cannot disable your own account. Ask another admin to do it.',
    );
    expect(await findSessionUser(session.id)).toMatchObject({ role: 'ADMIN' });
    expect(await auditFor(admin.id)).toHaveLength(0);
  });

  it('refuses to leave no enabled admin, by demotion or by disabling', async () => {
    const acting = await someone('ua-acting@example.com', 'ADMIN');
    const last = await someone('ua-last@example.com', 'ADMIN');
    await onlyAdmins(last.id);
    // `acting` is no admin now; it acts with its old role as a stale session would, and is refused.
    expect((await errorOf(changeRole({ ...acting, role: 'USER' }, last.id, 'USER'))).code).toBe('forbidden');

    // A fresh admin that is disabled does not count as one.
    const disabledAdmin = await someone('ua-disabled-admin@example.com', 'ADMIN');
    await db().user.update({ where: { id: disabledAdmin.id }, data: { disabledAt: new Date() } });
    setAside.push(acting.id);
    const error = await errorOf(changeRole(acting, last.id, 'USER'));
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('This is the only enabled admin. Make another user an admin first.');
    expect((await errorOf(setDisabled(acting, last.id, true))).message).toBe(
      'This is the only enabled admin and cannot be disabled.',
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: last.id } })).role).toBe('ADMIN');
    expect(await auditFor(last.id)).toHaveLength(0);
    await db().user.update({ where: { id: disabledAdmin.id }, data: { role: 'USER' } });
  });

  it('disabling ends sessions, refuses sign-in and API keys; enabling lets the user back in', async () => {
    const admin = await someone('ua-admin-2@example.com', 'ADMIN');
    const target = await someone('ua-disabled@example.com');
    const session = await createSession({ userId: target.id, method: 'credentials' });
    const { key } = await createApiKey({ user: target, name: 'script', scopes: ['query'] });

    const disabled = await setDisabled(admin, target.id, true, 'req-disable');
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect(await findSessionUser(session.id)).toBeNull();
    expect((await db().session.findUniqueOrThrow({ where: { id: session.id } })).revokedReason).toBe(
      'disabled',
    );
    expect(await findUserForSignIn(target.email)).toBeNull();
    expect(await authenticateApiKey(key)).toBeNull();
    // A session opened somehow after the change is refused too: the user row says disabled.
    const late = await createSession({ userId: target.id, method: 'credentials' });
    expect(await findSessionUser(late.id)).toBeNull();

    const enabled = await setDisabled(admin, target.id, false, 'req-enable');
    expect(enabled.disabledAt).toBeNull();
    expect(await findUserForSignIn(target.email)).toMatchObject({ id: target.id });
    expect(await authenticateApiKey(key)).not.toBeNull();
    // Sessions ended by the disabling stay ended.
    expect(await findSessionUser(session.id)).toBeNull();

    const events = await auditFor(target.id);
    expect(events.map((event) => [event.action, event.requestId, event.metadata])).toEqual([
      ['user.disabled', 'req-disable', { sessionsEnded: 1 }],
      ['user.enabled', 'req-enable', {}],
    ]);
  });

  it('sets and clears a group with from/to in the audit trail, without ending sessions', async () => {
    const admin = await someone('ua-admin-3@example.com', 'ADMIN');
    const target = await someone('ua-group@example.com');
    const session = await createSession({ userId: target.id, method: 'credentials' });
    expect((await setGroup(admin, target.id, '  Support EMEA ')).group).toBe('Support EMEA');
    expect((await setGroup(admin, target.id, '')).group).toBeNull();
    expect(await findSessionUser(session.id)).not.toBeNull();
    expect((await auditFor(target.id)).map((event) => event.metadata)).toEqual([
      { from: null, to: 'Support EMEA' },
      { from: 'Support EMEA', to: null },
    ]);
    expect((await errorOf(setGroup(admin, target.id, 'x'.repeat(61)))).code).toBe('validation_failed');
    expect((await errorOf(setGroup(admin, 'no-such-user', 'x'))).code).toBe('not_found');
  });

  it('lets only admins change users', async () => {
    const user = await someone('ua-not-admin@example.com');
    const target = await someone('ua-target-2@example.com');
    expect((await errorOf(changeRole(user, target.id, 'ADMIN'))).code).toBe('forbidden');
    expect((await errorOf(setDisabled(user, target.id, true))).code).toBe('forbidden');
    expect((await errorOf(setGroup(user, target.id, 'x'))).code).toBe('forbidden');
    expect((await errorOf(listUsers(user, {}))).code).toBe('forbidden');
    expect((await errorOf(listUsers(null, {}))).code).toBe('unauthorized');
  });
});

describe(`[ADMIN][USERS] the list on ${inject('database')}`, () => {
  it('searches email and name case-insensitively, filters by role and status, 50 a page, newest first', async () => {
    const admin = await someone('ua-lister@example.com', 'ADMIN');
    const token = `zq${randomUUID().slice(0, 8)}`;
    const base = Date.parse('2030-01-01T00:00:00Z');
    await db().user.createMany({
      data: Array.from({ length: 52 }, (_, i) => ({
        email: `${token}-${String(i).padStart(2, '0')}@example.com`,
        role: i % 4 === 0 ? 'COMPLIANCE' : 'USER',
        disabledAt: i % 5 === 0 ? new Date() : null,
        createdAt: new Date(base + i * 60_000),
      })),
    });
    await db().user.create({
      data: {
        email: 'ua-named@example.com',
        name: `Ann ${token.toUpperCase()}`,
        createdAt: new Date(base + 86_400_000),
      },
    });

    const first = await listUsers(admin, { search: token.toUpperCase() });
    expect(first).toMatchObject({ total: 53, page: 1, pageCount: 2 });
    expect(first.users).toHaveLength(50);
    // Newest first: the named user was created last.
    expect(first.users[0]!.email).toBe('ua-named@example.com');
    expect(first.users[1]!.email).toBe(`${token}-51@example.com`);
    const second = await listUsers(admin, { search: token, page: 2 });
    expect(second.users.map((user) => user.email)).toEqual([
      `${token}-02@example.com`,
      `${token}-01@example.com`,
      `${token}-00@example.com`,
    ]);
    // A page past the end shows the last one.
    expect((await listUsers(admin, { search: token, page: 9 })).page).toBe(2);

    const compliance = await listUsers(admin, { search: token, role: 'COMPLIANCE' });
    expect(compliance.total).toBe(13);
    expect(compliance.users.every((user) => user.role === 'COMPLIANCE')).toBe(true);
    const disabled = await listUsers(admin, { search: token, status: 'disabled' });
    expect(disabled.total).toBe(11);
    expect(disabled.users.every((user) => user.disabledAt !== null)).toBe(true);
    expect((await listUsers(admin, { search: token, status: 'active' })).total).toBe(42);
    expect((await listUsers(admin, { search: `${token}-nobody` })).users).toEqual([]);
  });

  it("sums each user's tokens and cost of today (UTC) only, and counts live sessions", async () => {
    const admin = await someone('ua-usage-admin@example.com', 'ADMIN');
    const heavy = await someone('ua-usage-heavy@example.com');
    const light = await someone('ua-usage-light@example.com');
    const idle = await someone('ua-usage-idle@example.com');
    const now = new Date('2031-03-10T12:00:00Z');
    const log = (userId: string, at: string, tokensIn: number, tokensOut: number, costUsd: number) =>
      db().queryLog.create({
        data: {
          requestId: randomUUID(),
          userId,
          route: 'chat',
          question: 'q',
          status: 'OK',
          tokensIn,
          tokensOut,
          costUsd,
          createdAt: new Date(at),
        },
      });
    await log(heavy.id, '2031-03-10T00:00:00Z', 1_000, 500, 0.25);
    await log(heavy.id, '2031-03-10T11:59:00Z', 2_000, 1_000, 0.5);
    await log(heavy.id, '2031-03-09T23:59:59Z', 9_999, 9_999, 9); // yesterday
    await log(heavy.id, '2031-03-11T00:00:00Z', 9_999, 9_999, 9); // tomorrow
    await log(light.id, '2031-03-10T08:00:00Z', 10, 5, 0.000125);

    const rows = (await listUsers(admin, { search: 'ua-usage-' }, now)).users;
    const byEmail = new Map(rows.map((row) => [row.email, row]));
    expect(byEmail.get(heavy.email)).toMatchObject({ tokensToday: 4_500, costTodayUsd: 0.75 });
    expect(byEmail.get(light.email)).toMatchObject({ tokensToday: 15, costTodayUsd: 0.000125 });
    expect(byEmail.get(idle.email)).toMatchObject({ tokensToday: 0, costTodayUsd: 0 });

    // Sessions: two live, one revoked, one idle past the limit.
    await createSession({ userId: light.id, method: 'credentials' });
    await createSession({ userId: light.id, method: 'credentials' });
    const revoked = await createSession({ userId: light.id, method: 'credentials' });
    await db().session.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const stale = await createSession({ userId: light.id, method: 'credentials' });
    await db().session.update({
      where: { id: stale.id },
      data: { lastSeenAt: new Date(Date.now() - 86_400_000) },
    });
    const live = (await listUsers(admin, { search: 'ua-usage-' })).users;
    expect(live.find((row) => row.id === light.id)?.liveSessions).toBe(2);
    expect(live.find((row) => row.id === idle.id)?.liveSessions).toBe(0);
  });
});
