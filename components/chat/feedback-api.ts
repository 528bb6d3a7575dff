// Thumbs up or down on an answer, with an optional comment: PUT /api/queries/{queryLogId}/feedback.
import type { AnswerMetadata } from '@/lib/rag/answer-metadata';
import { requestJson } from './request-json';

export type Feedback = NonNullable<AnswerMetadata['feedback']>;

export async function sendFeedback(queryLogId: string, feedback: Feedback): Promise<Feedback> {
  const saved = await requestJson<{ rating: 'up' | 'down'; comment: string | null }>(
    `/api/queries/${encodeURIComponent(queryLogId)}/feedback`,
    {
      method: 'PUT',
      json: {
        rating: feedback.rating === 1 ? 'up' : 'down',
        ...(feedback.comment ? { comment: feedback.comment } : {}),
      },
    },
  );
  return { rating: saved.rating === 'up' ? 1 : -1, comment: saved.comment };
}
