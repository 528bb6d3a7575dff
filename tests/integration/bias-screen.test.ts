// [BIAS] The bias screen through a real ask() on the real database: an answer that says "chairman"
// is recorded with its flags on the query log and queued for review with reason BIAS (found by the
// queue's reason filter and counted), and is not cached; a clean answer is recorded as screened with
// nothing found and is cached; its replay from the cache is not screened again.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../lib/db/client';
import { countReviewItems, listReviewItems } from '../../lib/db/review-items';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { ingestFile } from '../../lib/ingest/pipeline';
import { ask, completeAnswer } from '../../lib/rag/ask';
import { reviewFilter } from '../../lib/review/review-schemas';

const tag = randomUUID().slice(0, 8);

const expenses = `# Expense approval

## Who approves large expenses

The chairman approves every expense report above 5,000 EUR within five working days.
`;

const receipts = `# Receipt archive

## How long receipts are kept

Scanned receipts are archived in the finance vault for ten years after the financial year ends.
`;

const ask1 = (user: SessionUser, question: string, requestId: string) =>
  ask({ question, requestId, user, route: 'chat' }).then(completeAnswer);

describe(`[BIAS] bias screen through ask() on ${inject('database')}`, () => {
  let admin: SessionUser;
  let user: SessionUser;
  beforeAll(async () => {
    admin = await upsertUser({ email: `bias-admin-${tag}@example.test`, role: 'ADMIN', passwordHash: 'x' });
    user = await upsertUser({ email: `bias-user-${tag}@example.test`, role: 'USER', passwordHash: 'x' });
    for (const [name, text] of [
      ['expense-approval', expenses],
      ['receipt-archive', receipts],
    ])
      await ingestFile({
        fileName: `docs/${name}-${tag}.md`,
        source: `docs/${name}-${tag}.md`,
        bytes: new TextEncoder().encode(text),
      });
  });

  it('records the hits on the query log and queues the answer for review as BIAS, uncached', async () => {
    const before = await countReviewItems(admin);
    const question = `Who approves an expense report above 5,000 EUR? (bias ${tag})`;
    const outcome = await ask1(user, question, `req-bias-${tag}-1`);
    expect(outcome.status).toBe('OK');
    expect(outcome.answer).toContain('chairman');

    const logged = await db().queryLog.findUniqueOrThrow({ where: { id: outcome.queryLogId! } });
    expect(logged.biasFlags).toEqual([
      expect.objectContaining({
        term: 'chairman',
        rule: 'chairman-chairwoman',
        source: 'retext-equality',
        quoted: false,
        suggestions: expect.arrayContaining(['chairperson']),
      }),
    ]);

    const item = await db().reviewItem.findFirstOrThrow({ where: { queryLogId: outcome.queryLogId! } });
    expect(item).toMatchObject({ reason: 'BIAS', status: 'PENDING', question });
    expect(item.note).toBe('Possibly biased or non-inclusive language: "chairman"');

    // The queue's reason filter finds it; the counts count it.
    const page = await listReviewItems(admin, reviewFilter.parse({ reason: 'BIAS', status: 'all' }), 100);
    expect(page.rows.map((row) => row.id)).toContain(item.id);
    expect(page.rows.every((row) => row.reason === 'BIAS')).toBe(true);
    expect((await countReviewItems(admin)).pendingByReason.BIAS).toBe(before.pendingByReason.BIAS + 1);

    // Not cached: asked again, it is generated, screened and queued again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db().answerCacheEntry.count({ where: { question } })).toBe(0);
    const again = await ask1(user, question, `req-bias-${tag}-2`);
    const againLog = await db().queryLog.findUniqueOrThrow({ where: { id: again.queryLogId! } });
    expect(againLog.cacheHit).toBe(false);
    expect(againLog.biasFlags).toEqual([expect.objectContaining({ term: 'chairman' })]);
  });

  it('records a clean answer as screened with nothing found, caches it, and does not screen its replay', async () => {
    const question = 'How long are scanned receipts archived in the finance vault?';
    const outcome = await ask1(user, question, `req-bias-${tag}-3`);
    expect(outcome.status).toBe('OK');
    expect(outcome.confidence?.level).toBe('high');
    const logged = await db().queryLog.findUniqueOrThrow({ where: { id: outcome.queryLogId! } });
    expect(logged.biasFlags).toEqual([]);
    expect(await db().reviewItem.count({ where: { queryLogId: outcome.queryLogId! } })).toBe(0);

    await expect
      .poll(() => db().answerCacheEntry.count({ where: { question } }), { timeout: 10_000 })
      .toBe(1);
    const replay = await ask1(user, question, `req-bias-${tag}-4`);
    const replayLog = await db().queryLog.findUniqueOrThrow({ where: { id: replay.queryLogId! } });
    expect(replayLog.cacheHit).toBe(true);
    expect(replayLog.biasFlags).toBeNull();
    expect(replay.answer).toBe(outcome.answer);
  });
});
