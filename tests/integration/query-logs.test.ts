// [ADMIN] The query log is readable by admins only, enforced in the data-access layer itself. Rows
// written at the same time share one INSERT (group commit), each writer getting its own row's id.
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { createQueryLog, listRecentQueryLogs } from '../../lib/db/query-logs';
import { upsertUser } from '../../lib/db/users';
import { AppError } from '../../lib/http/errors';

describe('[ADMIN] query-log access', () => {
  it('lists the newest rows with the asking user for an admin', async () => {
    // Other files' rows (some dated in the future) must not be the newest.
    await db().queryLog.deleteMany();
    const asker = await upsertUser({ email: 'asker@example.com', role: 'USER', passwordHash: 'scrypt$x' });
    const admin = await upsertUser({ email: 'boss@example.com', role: 'ADMIN', passwordHash: 'scrypt$x' });
    await createQueryLog({
      requestId: 'req-ql-1',
      userId: asker.id,
      route: 'chat',
      question: 'first?',
      status: 'OK',
      latencyMs: 12,
      model: 'gpt-4o',
      provider: 'openai',
      routeTier: 'large',
      routeReason: 'comparison → large',
      confidence: 0.93,
    });
    // Distinct timestamps, so 'newest first' is well defined.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await createQueryLog({
      requestId: 'req-ql-2',
      userId: asker.id,
      route: 'chat',
      question: 'second?',
      status: 'ERROR',
      errorCode: 'generation_failed',
    });
    const rows = await listRecentQueryLogs({ viewer: admin, limit: 2 });
    expect(rows.map((r) => r.question)).toEqual(['second?', 'first?']);
    expect(rows[1]).toMatchObject({
      model: 'gpt-4o',
      provider: 'openai',
      routeTier: 'large',
      routeReason: 'comparison → large',
      confidence: 0.93,
    });
    expect(rows[0]).toMatchObject({
      userEmail: 'asker@example.com',
      status: 'ERROR',
      errorCode: 'generation_failed',
      costUsd: 0,
    });
  });

  it('refuses everyone else: 401 without a user, 403 for other roles', async () => {
    const user = await upsertUser({ email: 'nosy@example.com', role: 'USER', passwordHash: 'scrypt$x' });
    const compliance = await upsertUser({
      email: 'audit@example.com',
      role: 'COMPLIANCE',
      passwordHash: 'scrypt$x',
    });
    await expect(listRecentQueryLogs({ viewer: null, limit: 5 })).rejects.toMatchObject({ status: 401 });
    for (const viewer of [user, compliance]) {
      const error = await listRecentQueryLogs({ viewer, limit: 5 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(403);
    }
  });
});

describe('query-log writes', () => {
  it('writes rows that arrive together in one transaction, each caller getting its own row', async () => {
    const written = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createQueryLog({
          requestId: `req-batch-${i}`,
          route: 'v1',
          question: `question ${i}?`,
          status: i === 5 ? 'ERROR' : 'OK',
          ...(i === 7 && { explanation: { summary: 'seven' } }),
        }),
      ),
    );
    const rows = await db().$queryRaw<{ id: string; request_id: string; question: string; tx: string }[]>`
      SELECT id, request_id, question, xmin::text AS tx FROM query_logs WHERE request_id LIKE 'req-batch-%'`;
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(written.map(({ id }) => byId.get(id)?.question)).toEqual(
      Array.from({ length: 12 }, (_, i) => `question ${i}?`),
    );
    // The first alone, the eleven that queued behind it together.
    expect(new Set(rows.map((row) => row.tx)).size).toBe(2);
    const seventh = await db().queryLog.findUniqueOrThrow({ where: { id: written[7]!.id } });
    expect(seventh).toMatchObject({ explanation: { summary: 'seven' }, status: 'OK' });
  });

  it('stores every field as given, and leaves what was not given at its default or SQL NULL', async () => {
    const user = await upsertUser({ email: 'fields@example.com', role: 'USER', passwordHash: 'scrypt$x' });
    const full = {
      requestId: 'req-fields-full',
      userId: user.id,
      apiKeyId: null,
      conversationId: null,
      route: 'api-stream',
      question: 'Every field?',
      answer: 'Every field [1].',
      sources: [{ n: 1, chunkId: 'c1', documentId: 'd1', title: 'T', score: 0.5 }],
      model: 'gpt-4o-mini',
      provider: 'openai',
      routeTier: 'small',
      routeReason: 'short question → small',
      attempts: [{ model: 'gpt-4o-mini', provider: 'openai', outcome: 'ok', ms: 12 }],
      degraded: true,
      tokensCounted: true,
      explanation: { summary: 'Confident (91 %)', level: 'high' },
      tokensIn: 120,
      tokensOut: 34,
      costUsd: 0.000123,
      latencyMs: 456,
      ttftMs: 78,
      cacheHit: true,
      cacheEntryId: 'entry-1',
      status: 'DEGRADED' as const,
      errorCode: 'some_code',
      confidence: 0.91,
      biasFlags: [{ term: 'x' }],
      flags: { 'semantic-cache': 'on' },
    };
    const before = Date.now();
    const { id } = await createQueryLog(full);
    const stored = await db().queryLog.findUniqueOrThrow({ where: { id } });
    const { costUsd, ...rest } = full;
    expect(stored).toMatchObject(rest);
    expect(Number(stored.costUsd)).toBe(costUsd);
    expect(Math.abs(stored.createdAt.getTime() - before)).toBeLessThan(5_000);

    const { id: bare } = await createQueryLog({
      requestId: 'req-fields-bare',
      route: 'chat',
      question: 'Bare?',
      status: 'OK',
    });
    expect(await db().queryLog.findUniqueOrThrow({ where: { id: bare } })).toMatchObject({
      sources: [],
      attempts: [],
      degraded: false,
      tokensCounted: false,
      tokensIn: 0,
      tokensOut: 0,
      cacheHit: false,
      flags: {},
      answer: null,
      traceId: null,
      feedback: null,
    });
    const [nulls] = await db().$queryRaw<{ explanation: boolean; bias: boolean }[]>`
      SELECT explanation IS NULL AS explanation, bias_flags IS NULL AS bias FROM query_logs WHERE id = ${bare}`;
    expect(nulls).toEqual({ explanation: true, bias: true });
  });
});
