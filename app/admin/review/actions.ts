'use server';
// The review queue's decisions, each through action(): admin only; the data layer checks the role
// again, requires the note and records the audit event with the change.
import { claimReviewItem, decideReviewItem } from '@/lib/db/review-items';
import { action } from '@/lib/http/action';
import { claimInput, decideInput } from '@/lib/review/review-schemas';

const admins = ['ADMIN'] as const;

export const claimReview = action(
  { name: 'review.claim', roles: admins, input: claimInput },
  async ({ user, input, requestId }) => {
    await claimReviewItem(user, input.id, requestId);
    return { claimed: true };
  },
);

export const approveReview = action(
  { name: 'review.approve', roles: admins, input: decideInput },
  async ({ user, input, requestId }) => {
    await decideReviewItem(user, { ...input, decision: 'APPROVED' }, requestId);
    return { status: 'APPROVED' as const };
  },
);

export const rejectReview = action(
  { name: 'review.reject', roles: admins, input: decideInput },
  async ({ user, input, requestId }) => {
    await decideReviewItem(user, { ...input, decision: 'REJECTED' }, requestId);
    return { status: 'REJECTED' as const };
  },
);
