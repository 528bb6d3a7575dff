// The human review queue (docs/GOVERNANCE.md "Review queue"): answers queued for low confidence, a
// flagged prompt injection, a high-risk topic or biased language; an admin claims one, then approves
// or rejects it with a note. Every claim and decision is audited in its own transaction. Admins only,
// checked here as well as by the page and the actions.
import 'server-only';
import { assertRole } from '@/lib/auth/roles';
import { review } from '@/lib/config';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ReviewReason, ReviewStatus } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/http/errors';
import { reviewNote, type ReviewFilter } from '@/lib/review/review-schemas';
import { recordAudit } from './audit';
import { db } from './client';
import type { SessionUser } from './users';

const admins = ['ADMIN'] as const;

export async function createReviewItem(input: {
  queryLogId: string;
  question: string;
  answer: string;
  confidence: number;
  reason: ReviewReason;
  /** Why it is queued, e.g. the injection screen's score or the matched high-risk term. */
  note?: string | null;
}): Promise<{ id: string }> {
  return db().reviewItem.create({ data: input, select: { id: true } });
}

/** A claim older than this may be taken over, and the item decided, by any admin. */
export const claimExpiresBefore = (now = new Date()) =>
  new Date(now.getTime() - review.claimExpiryMinutes * 60_000);

const EXCERPT_CHARS = 400;
const excerpt = (text: string) => (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text);

export type ReviewPerson = { id: string; email: string };

export type ReviewRow = {
  id: string;
  queryLogId: string;
  question: string;
  answer: string;
  confidence: number;
  reason: ReviewReason;
  status: ReviewStatus;
  note: string | null;
  decisionNote: string | null;
  claimedBy: ReviewPerson | null;
  claimedAt: Date | null;
  /** The claim is older than review.claimExpiryMinutes: another admin may take it over. */
  claimExpired: boolean;
  reviewer: ReviewPerson | null;
  reviewedAt: Date | null;
  createdAt: Date;
};

export type ReviewPage = { rows: ReviewRow[]; next: string | null };

function whereOf(filter: ReviewFilter, viewer: SessionUser): Prisma.ReviewItemWhereInput {
  return {
    ...(filter.status !== 'all' && { status: filter.status }),
    ...(filter.reason !== 'all' && { reason: filter.reason }),
    ...(filter.claim === 'mine' && { claimedById: viewer.id }),
    ...(filter.claim === 'claimed' && { claimedById: { not: null } }),
    ...(filter.claim === 'unclaimed' && { claimedById: null }),
  };
}

async function peopleByIds(ids: Array<string | null>): Promise<Map<string, ReviewPerson>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db().user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, email: true },
  });
  return new Map(users.map((user) => [user.id, user]));
}

/** One page of the queue, newest first, by keyset cursor (the id of the last row shown). */
export async function listReviewItems(
  viewer: SessionUser | null,
  filter: ReviewFilter,
  pageSize: number = review.pageSize,
): Promise<ReviewPage> {
  assertRole(viewer, admins);
  const items = await db().reviewItem.findMany({
    where: whereOf(filter, viewer),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: pageSize + 1,
    ...(filter.cursor && { cursor: { id: filter.cursor }, skip: 1 }),
  });
  const page = items.slice(0, pageSize);
  const people = await peopleByIds(page.flatMap((item) => [item.claimedById, item.reviewerId]));
  const cutoff = claimExpiresBefore();
  return {
    rows: page.map((item) => ({
      id: item.id,
      queryLogId: item.queryLogId,
      question: excerpt(item.question),
      answer: excerpt(item.answer),
      confidence: item.confidence,
      reason: item.reason,
      status: item.status,
      note: item.note,
      decisionNote: item.decisionNote,
      claimedBy: item.claimedById
        ? (people.get(item.claimedById) ?? { id: item.claimedById, email: '(deleted user)' })
        : null,
      claimedAt: item.claimedAt,
      claimExpired: item.claimedAt !== null && item.claimedAt < cutoff,
      reviewer: item.reviewerId
        ? (people.get(item.reviewerId) ?? { id: item.reviewerId, email: '(deleted user)' })
        : null,
      reviewedAt: item.reviewedAt,
      createdAt: item.createdAt,
    })),
    next: items.length > pageSize ? (page.at(-1)?.id ?? null) : null,
  };
}

export type ReviewCounts = {
  byStatus: Record<ReviewStatus, number>;
  /** Pending items by why they are queued. */
  pendingByReason: Record<ReviewReason, number>;
};

/** How many items are in each status, and the pending ones by reason (one grouped read). */
export async function countReviewItems(viewer: SessionUser | null): Promise<ReviewCounts> {
  assertRole(viewer, admins);
  const groups = await db().reviewItem.groupBy({ by: ['status', 'reason'], _count: { _all: true } });
  const counts: ReviewCounts = {
    byStatus: { PENDING: 0, APPROVED: 0, REJECTED: 0 },
    pendingByReason: { LOW_CONFIDENCE: 0, INJECTION: 0, HIGH_RISK: 0, BIAS: 0 },
  };
  for (const group of groups) {
    counts.byStatus[group.status] += group._count._all;
    if (group.status === 'PENDING') counts.pendingByReason[group.reason] += group._count._all;
  }
  return counts;
}

async function stateOf(tx: Prisma.TransactionClient, id: string) {
  const item = await tx.reviewItem.findUnique({
    where: { id },
    select: { status: true, claimedById: true, claimedAt: true },
  });
  if (!item) throw new AppError('not_found', 'This review item does not exist.');
  return item;
}

/**
 * Claims a pending item for the viewer. Atomic (one conditional UPDATE): it succeeds on an unclaimed
 * item, on the viewer's own claim (which renews it) and on a claim older than claimExpiryMinutes;
 * of two admins claiming at once, one wins and the other is told who has it.
 */
export async function claimReviewItem(
  viewer: SessionUser | null,
  id: string,
  requestId?: string | null,
): Promise<void> {
  assertRole(viewer, admins);
  const now = new Date();
  await db().$transaction(async (tx: Prisma.TransactionClient) => {
    const before = await stateOf(tx, id);
    const { count } = await tx.reviewItem.updateMany({
      where: {
        id,
        status: 'PENDING',
        OR: [
          { claimedById: null },
          { claimedById: viewer.id },
          { claimedAt: { lt: claimExpiresBefore(now) } },
        ],
      },
      data: { claimedById: viewer.id, claimedAt: now },
    });
    if (count === 0) {
      const current = await stateOf(tx, id);
      if (current.status !== 'PENDING')
        throw new AppError('bad_request', 'This item has already been decided.');
      throw new AppError('bad_request', 'Another admin has claimed this item.');
    }
    await recordAudit(
      {
        actor: { id: viewer.id, role: viewer.role },
        action: 'review.claimed',
        target: { type: 'review_item', id },
        // Whose claim lapsed is the actor of the item's earlier review.claimed event: metadata names no
        // person, so a GDPR erasure can pseudonymise every event about them.
        metadata: {
          takenOver: Boolean(before.claimedById && before.claimedById !== viewer.id),
        },
        requestId: requestId ?? null,
      },
      tx,
    );
  });
}

/**
 * Approves or rejects a pending item with the reviewer's note (required). Only the admin holding the
 * claim may decide, or any admin once the claim is older than claimExpiryMinutes; an unclaimed item
 * must be claimed first. The decision and its audit event (the note as reason) commit together.
 */
export async function decideReviewItem(
  viewer: SessionUser | null,
  input: { id: string; decision: 'APPROVED' | 'REJECTED'; note: string },
  requestId?: string | null,
): Promise<void> {
  assertRole(viewer, admins);
  const parsed = reviewNote.safeParse(input.note);
  if (!parsed.success)
    throw new AppError('bad_request', parsed.error.issues[0]?.message ?? 'A note is required.');
  const note = parsed.data;
  const now = new Date();
  await db().$transaction(async (tx: Prisma.TransactionClient) => {
    const { count } = await tx.reviewItem.updateMany({
      where: {
        id: input.id,
        status: 'PENDING',
        OR: [{ claimedById: viewer.id }, { claimedAt: { lt: claimExpiresBefore(now) } }],
      },
      data: { status: input.decision, reviewerId: viewer.id, reviewedAt: now, decisionNote: note },
    });
    if (count === 0) {
      const current = await stateOf(tx, input.id);
      if (current.status !== 'PENDING')
        throw new AppError('bad_request', 'This item has already been decided.');
      if (!current.claimedById) throw new AppError('bad_request', 'Claim this item before deciding it.');
      throw new AppError('bad_request', 'Another admin has claimed this item.');
    }
    const item = await tx.reviewItem.findUniqueOrThrow({
      where: { id: input.id },
      select: { queryLogId: true, reason: true, claimedById: true },
    });
    await recordAudit(
      {
        actor: { id: viewer.id, role: viewer.role },
        action: input.decision === 'APPROVED' ? 'review.approved' : 'review.rejected',
        target: { type: 'review_item', id: input.id },
        reason: note,
        metadata: {
          queryLogId: item.queryLogId,
          reason: item.reason,
          byClaimant: item.claimedById === viewer.id,
        },
        requestId: requestId ?? null,
      },
      tx,
    );
  });
}
