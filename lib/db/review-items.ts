// The review queue: answers given with low confidence, for an admin to approve or reject.
import 'server-only';
import { db } from './client';

export async function createReviewItem(input: {
  queryLogId: string;
  question: string;
  answer: string;
  confidence: number;
  /** Why it is queued besides its confidence, e.g. a suspected prompt injection. */
  note?: string | null;
}): Promise<{ id: string }> {
  return db().reviewItem.create({ data: input, select: { id: true } });
}
