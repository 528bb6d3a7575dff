// [REVIEW] The human review queue on the real database: a high-risk question asked through ask() is
// queued with its reason and answered with the notice that a person must decide; two admins claim at
// once and one wins; decisions need a note, only the claimer (or anyone after the claim lapsed) may
// decide, and each is audited in its transaction; filters, counts and pages; non-admins are refused
// by the data layer itself. The database is shared between files: assertions look at rows made here.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { review } from '../../lib/config';
import { db } from '../../lib/db/client';
import {
  claimReviewItem,
  countReviewItems,
  createReviewItem,
  decideReviewItem,
  listReviewItems,
} from '../../lib/db/review-items';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { AppError } from '../../lib/http/errors';
import { ingestFile } from '../../lib/ingest/pipeline';
import { ask, completeAnswer } from '../../lib/rag/ask';
import { reviewFilter } from '../../lib/review/review-schemas';
import { rejectionOf } from '../support/rejection';

const contracts = `# Supplier contracts

## Ending a supplier contract

A supplier contract ends with three months' notice in writing, sent to the supplier's registered
address. Disputes about a termination go to the legal department before any lawsuit is filed.
`;

const errorOf = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

let run = 0;
/** A pending item on a query-log row of its own. */
async function queued(reason: 'LOW_CONFIDENCE' | 'INJECTION' | 'HIGH_RISK' = 'LOW_CONFIDENCE') {
  run += 1;
  const log = await db().queryLog.create({
    data: { requestId: `req-review-${run}`, route: 'chat', question: `review test ${run}`, status: 'OK' },
  });
  return createReviewItem({
    queryLogId: log.id,
    question: `review test ${run}`,
    answer: 'An answer.',
    confidence: 0.6,
    reason,
  });
}

const eventsOf = (id: string) =>
  db().auditEvent.findMany({ where: { targetId: id }, orderBy: { seq: 'asc' } });

const all = reviewFilter.parse({ status: 'all' });

describe(`[REVIEW] review queue on ${inject('database')}`, () => {
  let alice: SessionUser;
  let bob: SessionUser;
  let user: SessionUser;
  beforeAll(async () => {
    alice = await upsertUser({ email: 'review-alice@example.test', role: 'ADMIN', passwordHash: 'x' });
    bob = await upsertUser({ email: 'review-bob@example.test', role: 'ADMIN', passwordHash: 'x' });
    user = await upsertUser({ email: 'review-user@example.test', role: 'USER', passwordHash: 'x' });
    await ingestFile({
      fileName: 'docs/supplier-contracts.md',
      source: 'docs/supplier-contracts.md',
      bytes: new TextEncoder().encode(contracts),
    });
  });

  it('queues a high-risk question asked through ask(), whose answer says a person must decide', async () => {
    const question = 'Should we file a lawsuit when a supplier contract ends without notice? (review 1)';
    const outcome = await completeAnswer(
      await ask({ question, requestId: 'req-review-ask-1', user, route: 'chat' }),
    );
    expect(outcome.status).not.toBe('ERROR');
    expect(outcome.metadata.highRisk).toBe('legal');
    const item = await db().reviewItem.findFirstOrThrow({ where: { queryLogId: outcome.queryLogId! } });
    expect(item).toMatchObject({ reason: 'HIGH_RISK', status: 'PENDING', question });
    expect(item.note).toContain('legal');

    const ordinary = await completeAnswer(
      await ask({
        question: 'How much notice does a supplier contract need? (review 2)',
        requestId: 'req-review-ask-2',
        user,
        route: 'chat',
      }),
    );
    expect(ordinary.metadata.highRisk).toBeUndefined();
    const ordinaryItem = await db().reviewItem.findFirst({ where: { queryLogId: ordinary.queryLogId! } });
    expect(ordinaryItem?.reason ?? null).not.toBe('HIGH_RISK');
  });

  it('lets one of two admins claiming at once win, audited once', async () => {
    const { id } = await queued();
    const results = await Promise.allSettled([claimReviewItem(alice, id), claimReviewItem(bob, id)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as AppError).message).toBe('Another admin has claimed this item.');
    const item = await db().reviewItem.findUniqueOrThrow({ where: { id } });
    expect([alice.id, bob.id]).toContain(item.claimedById);
    const events = await eventsOf(id);
    expect(events.map((event) => event.action)).toEqual(['review.claimed']);
    expect(events[0]!.actorId).toBe(item.claimedById);
  });

  it('requires a note, lets only the claimer decide, and audits the decision with the note', async () => {
    const { id } = await queued('INJECTION');
    expect((await errorOf(decideReviewItem(alice, { id, decision: 'APPROVED', note: 'fine' }))).message).toBe(
      'Claim this item before deciding it.',
    );
    await claimReviewItem(alice, id);
    // The same admin may claim again (renewing the claim); another may not.
    await claimReviewItem(alice, id);
    expect((await errorOf(claimReviewItem(bob, id))).status).toBe(400);

    for (const note of ['', '  ', 'ok', 'x'.repeat(review.noteMaxChars + 1)]) {
      const refused = await errorOf(decideReviewItem(alice, { id, decision: 'REJECTED', note }));
      expect(refused.status).toBe(400);
    }
    expect(
      (await errorOf(decideReviewItem(bob, { id, decision: 'APPROVED', note: 'Looks right.' }))).message,
    ).toBe('Another admin has claimed this item.');
    expect((await db().reviewItem.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING');

    await decideReviewItem(alice, {
      id,
      decision: 'REJECTED',
      note: '  Cites a passage that does not say this.  ',
    });
    const item = await db().reviewItem.findUniqueOrThrow({ where: { id } });
    expect(item).toMatchObject({
      status: 'REJECTED',
      reviewerId: alice.id,
      decisionNote: 'Cites a passage that does not say this.',
    });
    expect(item.reviewedAt).not.toBeNull();
    const events = await eventsOf(id);
    expect(events.map((event) => event.action)).toEqual([
      'review.claimed',
      'review.claimed',
      'review.rejected',
    ]);
    expect(events.at(-1)).toMatchObject({
      actorId: alice.id,
      actorRole: 'ADMIN',
      targetType: 'review_item',
      reason: 'Cites a passage that does not say this.',
    });

    // Decided is final: no second decision, no new claim.
    expect(
      (await errorOf(decideReviewItem(alice, { id, decision: 'APPROVED', note: 'Changed my mind.' })))
        .message,
    ).toBe('This item has already been decided.');
    expect((await errorOf(claimReviewItem(bob, id))).message).toBe('This item has already been decided.');
  });

  it('lets another admin take over and decide once a claim has lapsed', async () => {
    const { id } = await queued('HIGH_RISK');
    await claimReviewItem(alice, id);
    const lapsed = new Date(Date.now() - (review.claimExpiryMinutes + 1) * 60_000);
    await db().reviewItem.update({ where: { id }, data: { claimedAt: lapsed } });
    await decideReviewItem(bob, { id, decision: 'APPROVED', note: 'The answer is correct.' });
    expect(await db().reviewItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'APPROVED',
      reviewerId: bob.id,
      claimedById: alice.id,
    });
    const approved = (await eventsOf(id)).at(-1)!;
    expect(approved).toMatchObject({
      action: 'review.approved',
      actorId: bob.id,
      reason: 'The answer is correct.',
    });
  });

  it('filters by status, reason and claim, counts, and pages by cursor', async () => {
    const before = await countReviewItems(alice);
    const mine = await queued('HIGH_RISK');
    const others = await queued('HIGH_RISK');
    const unclaimed = await queued('HIGH_RISK');
    await claimReviewItem(alice, mine.id);
    await claimReviewItem(bob, others.id);
    const after = await countReviewItems(alice);
    expect(after.byStatus.PENDING).toBe(before.byStatus.PENDING + 3);
    expect(after.pendingByReason.HIGH_RISK).toBe(before.pendingByReason.HIGH_RISK + 3);

    const ids = async (filter: Record<string, string>) =>
      (await listReviewItems(alice, reviewFilter.parse(filter), 500)).rows.map((row) => row.id);
    const ours = [mine.id, others.id, unclaimed.id];
    const within = (list: string[]) => ours.filter((id) => list.includes(id));
    expect(within(await ids({ claim: 'mine' }))).toEqual([mine.id]);
    expect(within(await ids({ claim: 'claimed' })).sort()).toEqual([mine.id, others.id].sort());
    expect(within(await ids({ claim: 'unclaimed' }))).toEqual([unclaimed.id]);
    expect(within(await ids({ reason: 'INJECTION' }))).toEqual([]);
    expect(within(await ids({ status: 'APPROVED' }))).toEqual([]);

    const row = (await listReviewItems(alice, all, 500)).rows.find((r) => r.id === others.id)!;
    expect(row.claimedBy).toEqual({ id: bob.id, email: 'review-bob@example.test' });
    expect(row.claimExpired).toBe(false);

    // Pages of two: every row once, newest first, ours among the first.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReviewItems(alice, { ...all, cursor }, 2);
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.next ?? undefined;
    } while (cursor && within(seen).length < 3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(within(seen).sort()).toEqual([...ours].sort());
  });

  it('refuses non-admins in the data layer', async () => {
    const { id } = await queued();
    for (const viewer of [user, null]) {
      const code = viewer ? 'forbidden' : 'unauthorized';
      expect((await errorOf(listReviewItems(viewer, all))).code).toBe(code);
      expect((await errorOf(countReviewItems(viewer))).code).toBe(code);
      expect((await errorOf(claimReviewItem(viewer, id))).code).toBe(code);
      expect(
        (await errorOf(decideReviewItem(viewer, { id, decision: 'APPROVED', note: 'Sure thing.' }))).code,
      ).toBe(code);
    }
    expect(await db().reviewItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'PENDING',
      claimedById: null,
    });
    expect(await eventsOf(id)).toEqual([]);
  });
});
