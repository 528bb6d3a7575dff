// The review queue as the browser receives it: dates as ISO strings.
import type { ReviewReasonValue, ReviewStatusValue } from '@/lib/review/review-schemas';

export type ReviewItemView = {
  id: string;
  queryLogId: string;
  question: string;
  answer: string;
  confidence: number;
  reason: ReviewReasonValue;
  status: ReviewStatusValue;
  note: string | null;
  decisionNote: string | null;
  claimedBy: string | null;
  claimedAt: string | null;
  claimedByViewer: boolean;
  claimExpired: boolean;
  reviewer: string | null;
  reviewedAt: string | null;
  createdAt: string;
};
