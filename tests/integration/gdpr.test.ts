// [GDPR] Export and erasure on the real database. A person is given everything the service can hold
// about someone (questions asked through the real answer path, so query logs, cached answers, review
// items and audit events exist; a private document with passages and vectors; feedback; an API key; a
// session; invitations; a linked account; a flag allow list), exported, then erased. A scan of every
// text, varchar, JSON and text[] column of every table, found from information_schema, then finds no
// trace of their id, email or name; the audit chain verifies; another user's data is unchanged.
// Refusals: unknown people, a mistyped confirmation, oneself, the last admin, roles without access.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createApiKey, revokeApiKey } from '../../lib/db/api-keys';
import { verifyAuditChain } from '../../lib/db/audit-log';
import { db } from '../../lib/db/client';
import { findGdprSubject, listGdprRequests, subjectHoldings } from '../../lib/db/gdpr';
import { createInvite } from '../../lib/db/invites';
import { recordFeedback } from '../../lib/db/query-logs';
import { claimReviewItem } from '../../lib/db/review-items';
import { createSession } from '../../lib/db/sessions';
import { changeRole } from '../../lib/db/user-admin';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { eraseUser } from '../../lib/gdpr/erasure';
import { exportSubject } from '../../lib/gdpr/export';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../lib/gdpr/export-format';
import { AppError } from '../../lib/http/errors';
import { ingestFile } from '../../lib/ingest/pipeline';
import { ask, completeAnswer } from '../../lib/rag/ask';
import { countLexemesNow } from '../support/lexeme-counts';
import { rejectionOf } from '../support/rejection';

const token = randomBytes(4).toString('hex');
const subjectEmail = `ottilie.brannagh.${token}@example.test`;
const subjectName = `Ottilie Brannagh${token}`;

const permitDoc = `# Parking permit of ${subjectName}

## North garage

${subjectName} holds parking permit P-${token} for the north garage, level two, bay seventeen. The
permit of ${subjectName} renews every March, and questions about it go to ${subjectEmail}.
`;

const canteenDoc = `# Canteen ${token}

## Opening hours

The canteen ${token} opens at half past seven and closes at three in the afternoon on weekdays. On
Fridays the canteen ${token} serves fish soup.
`;

const errorOf = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

async function asked(user: SessionUser, question: string, conversationId: string) {
  return completeAnswer(
    await ask({
      question,
      requestId: `req-gdpr-${randomBytes(6).toString('hex')}`,
      route: 'chat',
      user,
      conversationId,
      createConversation: true,
    }),
  );
}

type Hit = { table: string; column: string; needle: string; rows: number };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every row of every table (all schemas but the system's) whose text, varchar, JSON or text[] column
 * contains one of the needles, case-insensitively. The columns come from information_schema.
 */
async function scanDatabase(needles: string[]): Promise<Hit[]> {
  const columns = await db().$queryRaw<{ schema: string; table: string; column: string }[]>`
    SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE t.table_type = 'BASE TABLE'
      AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
      AND c.table_schema NOT LIKE 'pg\\_%'
      AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
        OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))`;
  expect(columns.length).toBeGreaterThan(20);
  const hits: Hit[] = [];
  for (const { schema, table, column } of columns) {
    for (const needle of needles) {
      const [row] = await db().$queryRawUnsafe<{ rows: bigint }[]>(
        `SELECT count(*) AS rows FROM ${quote(schema)}.${quote(table)}
         WHERE strpos(lower(${quote(column)}::text), lower($1)) > 0`,
        needle,
      );
      const rows = Number(row!.rows);
      if (rows > 0) hits.push({ table: `${schema}.${table}`, column, needle, rows });
    }
  }
  return hits;
}

describe(`[GDPR] export and erasure on ${inject('database')}`, () => {
  let officer: SessionUser;
  let admin: SessionUser;
  let endUser: SessionUser;
  let other: SessionUser;
  let subject: SessionUser;
  let subjectLogIds: string[] = [];

  beforeAll(async () => {
    officer = await upsertUser({
      email: `gdpr-officer-${token}@example.test`,
      role: 'COMPLIANCE',
      passwordHash: 'x',
    });
    admin = await upsertUser({ email: `gdpr-admin-${token}@example.test`, role: 'ADMIN', passwordHash: 'x' });
    endUser = await upsertUser({ email: `gdpr-user-${token}@example.test`, role: 'USER', passwordHash: 'x' });
    other = await upsertUser({ email: `gdpr-other-${token}@example.test`, role: 'USER', passwordHash: 'x' });

    // Invited first, then signed up: the invitation carries their email.
    await createInvite(admin, { email: subjectEmail, role: 'ADMIN' });
    subject = await upsertUser({ email: subjectEmail, name: subjectName, role: 'ADMIN', passwordHash: 'x' });
    await db().user.update({ where: { id: subject.id }, data: { group: 'North garage' } });
    await db().account.create({
      data: {
        userId: subject.id,
        type: 'oidc',
        provider: 'corp-sso',
        providerAccountId: `sso-${subject.id}`,
      },
    });
    await db().verificationToken.create({
      data: { identifier: subjectEmail, token: `verify-${token}`, expires: new Date(Date.now() + 3600_000) },
    });
    // As an admin they invited someone, uploaded a private document and claimed another user's item.
    await createInvite(subject, { email: `gdpr-invitee-${token}@example.test`, role: 'USER' });
    const permit = await ingestFile({
      fileName: `permit-${token}.md`,
      bytes: new TextEncoder().encode(permitDoc),
      visibility: 'PRIVATE',
      createdById: subject.id,
    });
    expect(permit.status).toBe('READY');
    const canteen = await ingestFile({
      fileName: `canteen-${token}.md`,
      bytes: new TextEncoder().encode(canteenDoc),
      createdById: admin.id,
    });
    expect(canteen.status).toBe('READY');

    // Questions through the real answer path: query logs, messages, cached answers, audit events.
    const conversation = `conv-gdpr-${token}`;
    const first = await asked(
      subject,
      `Which garage is the parking permit of ${subjectName} for?`,
      conversation,
    );
    const second = await asked(
      subject,
      `Should ${subjectName} file a lawsuit about parking permit P-${token}?`,
      conversation,
    );
    subjectLogIds = [first.queryLogId!, second.queryLogId!];
    expect(subjectLogIds.every(Boolean)).toBe(true);
    await recordFeedback({
      userId: subject.id,
      queryLogId: first.queryLogId!,
      rating: -1,
      comment: `Wrong bay for ${subjectName}`,
    });
    // The answer cache stores in the background.
    await vi.waitFor(
      async () =>
        expect(
          await db().answerCacheEntry.count({ where: { originQueryLogId: { in: subjectLogIds } } }),
        ).toBeGreaterThan(0),
      { timeout: 10_000, interval: 100 },
    );

    // Another user's question, and the item it queued, claimed by the subject.
    const theirs = await asked(
      other,
      `Should I sue the canteen ${token} over the fish soup on Fridays?`,
      `conv-gdpr-other-${token}`,
    );
    const item = await db().reviewItem.findFirstOrThrow({ where: { queryLogId: theirs.queryLogId! } });
    await claimReviewItem(subject, item.id);
    await recordFeedback({ userId: other.id, queryLogId: theirs.queryLogId!, rating: 1, comment: 'Helpful' });

    const key = await createApiKey({ user: subject, name: `laptop of ${subjectName}`, scopes: ['query'] });
    await revokeApiKey(subject, key.view.id);
    await createApiKey({ user: subject, name: 'build server', scopes: ['query'] });
    await db().asyncQuery.create({
      data: {
        userId: subject.id,
        requestId: `req-gdpr-async-${token}`,
        request: { query: `Where does ${subjectName} park?` },
      },
    });
    await db().featureFlag.create({
      data: { key: `gdpr-flag-${token}`, allowUserIds: [subject.id, other.id], updatedById: subject.id },
    });
    // An admin's act on them, and a sign-in after it (a role change ends sessions).
    await changeRole(admin, subject.id, 'USER');
    await changeRole(admin, subject.id, 'ADMIN');
    subject = { ...subject, role: 'ADMIN' };
    await createSession({
      userId: subject.id,
      method: 'credentials',
      userAgent: `Firefox of ${subjectName}`,
    });
  });

  it('exports everything held about the person in the documented format, without secrets, audited', async () => {
    const holdings = await subjectHoldings(
      officer,
      await findGdprSubject(officer, subjectEmail.toUpperCase()),
    );
    expect(holdings).toMatchObject({ documents: 1, apiKeys: 2, sessions: 1, feedback: 1, conversations: 1 });

    const data = await exportSubject({ viewer: officer, user: subject.id, requestId: `req-export-${token}` });
    expect(data).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION });
    expect(data.profile).toMatchObject({
      id: subject.id,
      email: subjectEmail,
      name: subjectName,
      group: 'North garage',
      linkedAccounts: [{ provider: 'corp-sso', type: 'oidc', providerAccountId: `sso-${subject.id}` }],
    });
    expect(data.conversations).toHaveLength(1);
    expect(data.conversations[0]!.messages.map((message) => message.role)).toEqual([
      'USER',
      'ASSISTANT',
      'USER',
      'ASSISTANT',
    ]);
    expect(data.queryLogs.map((log) => log.id).sort()).toEqual([...subjectLogIds].sort());
    expect(data.feedback).toEqual([
      expect.objectContaining({
        queryLogId: subjectLogIds[0],
        rating: -1,
        comment: `Wrong bay for ${subjectName}`,
      }),
    ]);
    expect(data.documents).toEqual([
      expect.objectContaining({ title: `Parking permit of ${subjectName}`, visibility: 'PRIVATE' }),
    ]);
    expect(data.apiKeys.map((key) => key.name).sort()).toEqual(['build server', `laptop of ${subjectName}`]);
    expect(data.sessions).toHaveLength(1);
    expect(data.invitations.received).toHaveLength(1);
    expect(data.invitations.sent).toHaveLength(1);
    expect(data.asyncQueries).toHaveLength(1);
    expect(data.reviewItems.map((item) => item.reason)).toContain('HIGH_RISK');
    const actions = data.auditEvents.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(['query.answered', 'user.role_changed', 'api_key.revoked', 'review.claimed']),
    );
    // Secrets and other people's addresses stay out.
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/passwordHash|keyHash|tokenHash|password_hash|key_hash/);
    expect(text).not.toContain(`gdpr-invitee-${token}`);
    const sessionIds = await db().session.findMany({ where: { userId: subject.id }, select: { id: true } });
    for (const { id } of sessionIds) expect(text).not.toContain(id);

    const [event] = await db().auditEvent.findMany({
      where: { action: 'gdpr.exported', targetId: subject.id },
      orderBy: { seq: 'desc' },
      take: 1,
    });
    expect(event).toMatchObject({
      actorId: officer.id,
      actorRole: 'COMPLIANCE',
      requestId: `req-export-${token}`,
    });
    expect(event!.metadata).toMatchObject({ gdprRequestId: data.exportId, queryLogs: 2, documents: 1 });
    const request = await db().gdprRequest.findUniqueOrThrow({ where: { id: data.exportId } });
    expect(request).toMatchObject({
      type: 'EXPORT',
      status: 'DONE',
      subjectId: subject.id,
      requestedById: officer.id,
    });
    expect(request.completedAt).not.toBeNull();
  });

  it('erases the person: no trace of their id, email or name in any column, the chain verifies, others untouched', async () => {
    const needles = [subject.id, subjectEmail, subjectName];
    // The job sweep's count of every word of the corpus, their document's words with it.
    await countLexemesNow();
    // The scan sees them before: the same scan finding nothing afterwards means something.
    const before = await scanDatabase(needles);
    const tablesBefore = new Set(before.map((hit) => hit.table));
    for (const table of [
      'users',
      'query_logs',
      'messages',
      'chunks',
      'answer_cache_entries',
      'audit_events',
      'gdpr_requests',
      'invites',
      'sessions',
      'api_keys',
      'review_items',
      'feature_flags',
      'async_queries',
      'lexeme_frequencies',
    ])
      expect(tablesBefore, table).toContain(`public.${table}`);

    const otherSnapshot = async () => ({
      logs: await db().queryLog.findMany({ where: { userId: other.id }, orderBy: { id: 'asc' } }),
      messages: await db().message.findMany({
        where: { conversation: { userId: other.id } },
        orderBy: { id: 'asc' },
      }),
      cached: await db().answerCacheEntry.findMany({
        where: {
          originQueryLogId: {
            in: (await db().queryLog.findMany({ where: { userId: other.id } })).map((l) => l.id),
          },
        },
        select: { id: true, question: true, answer: true },
        orderBy: { id: 'asc' },
      }),
      canteen: await db().document.findMany({
        where: { createdById: admin.id },
        select: { id: true, chunkCount: true },
      }),
      flagUsers: (await db().featureFlag.findUniqueOrThrow({ where: { key: `gdpr-flag-${token}` } }))
        .allowUserIds,
    });
    const othersBefore = await otherSnapshot();
    expect(othersBefore.logs).toHaveLength(1);
    expect(othersBefore.cached.length + othersBefore.logs.length).toBeGreaterThan(0);

    const outcome = await eraseUser({
      viewer: officer,
      erase: { userId: subject.id, confirmEmail: `  ${subjectEmail.toUpperCase()} ` },
      requestId: `req-erase-${token}`,
    });
    expect(outcome.pseudonym).toMatch(/^erased:[0-9a-f]{24}$/);
    expect(outcome.counts).toMatchObject({
      documents: 1,
      queryLogsAnonymised: 2,
      feedback: 1,
      conversations: 1,
      messages: 4,
      apiKeys: 2,
      sessions: 1,
      linkedAccounts: 1,
      invitations: 1,
      asyncQueries: 1,
      reviewDecisionsPseudonymised: 1,
    });
    expect(outcome.counts.passages).toBeGreaterThan(0);
    expect(outcome.counts.cachedAnswers).toBeGreaterThan(0);
    expect(outcome.counts.reviewItems).toBeGreaterThan(0);
    expect(outcome.counts.auditEventsPseudonymised).toBeGreaterThan(5);

    expect(await scanDatabase(needles)).toEqual([]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });

    // What stays, stays without them: anonymous query-log rows for the totals, pseudonymous events.
    const logs = await db().queryLog.findMany({ where: { id: { in: subjectLogIds } } });
    expect(logs).toHaveLength(2);
    for (const log of logs)
      expect(log).toMatchObject({ userId: null, question: '', answer: null, feedback: null });
    expect(await db().chunk.count({ where: { document: { createdById: subject.id } } })).toBe(0);
    expect(await db().answerCacheEntry.count({ where: { originQueryLogId: { in: subjectLogIds } } })).toBe(0);
    const erased = await db().auditEvent.findFirstOrThrow({
      where: { action: 'gdpr.erased', targetId: outcome.pseudonym },
    });
    expect(erased).toMatchObject({
      actorId: officer.id,
      actorRole: 'COMPLIANCE',
      requestId: `req-erase-${token}`,
    });
    expect(
      await db().auditEvent.count({ where: { actorId: outcome.pseudonym, action: 'query.answered' } }),
    ).toBe(2);
    expect(
      await db().auditEvent.count({ where: { targetId: outcome.pseudonym, action: 'gdpr.exported' } }),
    ).toBe(1);
    const claimed = await db().reviewItem.findFirstOrThrow({ where: { queryLog: { userId: other.id } } });
    expect(claimed.claimedById).toBe(outcome.pseudonym);

    // The erasure record, and the earlier export's row, name the pseudonym only.
    const history = await listGdprRequests(officer);
    const record = history.find((row) => row.id === outcome.requestRowId)!;
    expect(record).toMatchObject({
      type: 'ERASURE',
      status: 'DONE',
      subjectId: null,
      subjectEmail: null,
      subjectPseudonym: outcome.pseudonym,
      requestedById: officer.id,
      error: null,
    });
    expect(record.result).toMatchObject({ documents: 1, apiKeys: 2 });
    expect(
      history
        .filter((row) => row.subjectPseudonym === outcome.pseudonym)
        .map((row) => row.type)
        .sort(),
    ).toEqual(['ERASURE', 'EXPORT']);

    const othersAfter = await otherSnapshot();
    expect(othersAfter.logs).toEqual(othersBefore.logs);
    expect(othersAfter.messages).toEqual(othersBefore.messages);
    expect(othersAfter.cached).toEqual(othersBefore.cached);
    expect(othersAfter.canteen).toEqual(othersBefore.canteen);
    expect(othersAfter.flagUsers).toEqual([other.id]);
    expect(await db().user.findUnique({ where: { id: other.id } })).not.toBeNull();

    // Gone for the tools too.
    expect((await errorOf(findGdprSubject(officer, subjectEmail))).code).toBe('not_found');
  });

  it('refuses an unknown person, to export and to erase, recording nothing', async () => {
    const count = await db().gdprRequest.count();
    expect(
      (await errorOf(exportSubject({ viewer: officer, user: `nobody-${token}@example.test` }))).code,
    ).toBe('not_found');
    const refused = await errorOf(
      eraseUser({ viewer: officer, erase: { userId: `missing-${token}`, confirmEmail: 'x@example.test' } }),
    );
    expect(refused).toMatchObject({ code: 'not_found', status: 404 });
    expect(await db().gdprRequest.count()).toBe(count);
  });

  it('refuses a mistyped confirmation and erases nothing', async () => {
    const target = await upsertUser({
      email: `gdpr-keep-${token}@example.test`,
      role: 'USER',
      passwordHash: 'x',
    });
    const refused = await errorOf(
      eraseUser({
        viewer: officer,
        erase: { userId: target.id, confirmEmail: `gdpr-kept-${token}@example.test` },
      }),
    );
    expect(refused).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(refused.message).toContain('confirmEmail');
    expect(await db().user.findUnique({ where: { id: target.id } })).not.toBeNull();
    expect(await db().gdprRequest.count({ where: { subjectId: target.id } })).toBe(0);
  });

  it('refuses erasing oneself and the last enabled admin, recorded as failed requests', async () => {
    const self = await errorOf(
      eraseUser({ viewer: admin, erase: { userId: admin.id, confirmEmail: admin.email } }),
    );
    expect(self).toMatchObject({ code: 'bad_request' });
    expect(self.message).toBe('You cannot erase your own account. Ask another officer to do it.');

    // Every other enabled admin disabled for the moment: `admin` is the last one.
    const others = await db().user.findMany({
      where: { role: 'ADMIN', disabledAt: null, id: { not: admin.id } },
      select: { id: true },
    });
    await db().user.updateMany({
      where: { id: { in: others.map((u) => u.id) } },
      data: { disabledAt: new Date() },
    });
    try {
      const last = await errorOf(
        eraseUser({ viewer: officer, erase: { userId: admin.id, confirmEmail: admin.email } }),
      );
      expect(last).toMatchObject({
        code: 'bad_request',
        message: 'This is the only enabled admin and cannot be erased.',
      });
    } finally {
      await db().user.updateMany({
        where: { id: { in: others.map((u) => u.id) } },
        data: { disabledAt: null },
      });
    }
    expect(await db().user.findUnique({ where: { id: admin.id } })).not.toBeNull();
    const failed = await db().gdprRequest.findMany({
      where: { subjectId: admin.id, type: 'ERASURE' },
      orderBy: { createdAt: 'asc' },
    });
    expect(failed.map((row) => [row.status, row.error])).toEqual([
      ['FAILED', 'You cannot erase your own account. Ask another officer to do it.'],
      ['FAILED', 'This is the only enabled admin and cannot be erased.'],
    ]);
  });

  it('refuses end users and signed-out callers in the data layer itself', async () => {
    const target = await upsertUser({
      email: `gdpr-target-${token}@example.test`,
      role: 'USER',
      passwordHash: 'x',
    });
    for (const [viewer, code] of [
      [endUser, 'forbidden'],
      [null, 'unauthorized'],
    ] as const) {
      expect((await errorOf(findGdprSubject(viewer, target.id))).code).toBe(code);
      expect((await errorOf(exportSubject({ viewer, user: target.id }))).code).toBe(code);
      expect(
        (await errorOf(eraseUser({ viewer, erase: { userId: target.id, confirmEmail: target.email } }))).code,
      ).toBe(code);
      expect((await errorOf(listGdprRequests(viewer))).code).toBe(code);
    }
    expect(await db().user.findUnique({ where: { id: target.id } })).not.toBeNull();
  });
});
