// The review queue's inputs, parsed by the server actions and the data layer, and by the forms before
// they send. Shared by server and browser code.
import { z } from 'zod';
import { review } from '@/lib/config';

export const reviewStatuses = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export const reviewReasons = ['LOW_CONFIDENCE', 'INJECTION', 'HIGH_RISK', 'BIAS'] as const;
export const claimFilters = ['all', 'mine', 'claimed', 'unclaimed'] as const;

export type ReviewStatusValue = (typeof reviewStatuses)[number];
export type ReviewReasonValue = (typeof reviewReasons)[number];
export type ClaimFilter = (typeof claimFilters)[number];

export const reviewReasonLabels: Record<ReviewReasonValue, string> = {
  LOW_CONFIDENCE: 'Low confidence',
  INJECTION: 'Injection flagged',
  HIGH_RISK: 'High-risk topic',
  BIAS: 'Biased language',
};

export const reviewStatusLabels: Record<ReviewStatusValue, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};

export const reviewNote = z
  .string()
  .trim()
  .min(review.noteMinChars, `Write a note of at least ${review.noteMinChars} characters.`)
  .max(review.noteMaxChars, `Keep the note under ${review.noteMaxChars + 1} characters.`);

const itemId = z.string().min(1).max(64);

export const claimInput = z.object({ id: itemId });
export const decideInput = z.object({ id: itemId, note: reviewNote });

/** The queue's filters as they arrive in the page's search params; anything unknown falls back. */
export const reviewFilter = z.object({
  status: z.enum([...reviewStatuses, 'all']).catch('PENDING'),
  reason: z.enum([...reviewReasons, 'all']).catch('all'),
  claim: z.enum(claimFilters).catch('all'),
  cursor: z.string().max(64).optional().catch(undefined),
});

export type ReviewFilter = z.infer<typeof reviewFilter>;
