// PUT /api/queries/{id}/feedback: thumbs up or down on one of your answers, with an optional comment.
import { z } from 'zod';
import { limits } from '@/lib/config';
import { recordFeedback } from '@/lib/db/query-logs';
import { route } from '@/lib/http/handler';

const feedbackBody = z
  .object({
    rating: z.enum(['up', 'down'], { error: 'rating must be "up" or "down".' }),
    comment: z
      .string()
      .trim()
      .max(
        limits.feedbackCommentMaxChars,
        `comment must be at most ${limits.feedbackCommentMaxChars} characters.`,
      )
      .optional(),
  })
  .strict();

export const PUT = route(
  { roles: ['USER', 'ADMIN', 'COMPLIANCE'], body: feedbackBody },
  async ({ user, body, params }) => {
    const comment = body.comment || null;
    await recordFeedback({
      userId: user!.id,
      queryLogId: String(params.id),
      rating: body.rating === 'up' ? 1 : -1,
      comment,
    });
    return Response.json({ rating: body.rating, comment });
  },
);
