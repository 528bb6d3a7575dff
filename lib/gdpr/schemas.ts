// The GDPR tools' inputs, one zod schema each for the page's search, the export route's query and the
// erasure action: a person is named by their user id or their email.
import { z } from 'zod';

/** Longest email we look up (RFC 5321's path limit); ids are cuids, far shorter. */
const SUBJECT_MAX_CHARS = 320;

/** A user id or an email address, as typed into the search or passed as `?user=`. */
export const subjectRef = z
  .string({ error: 'give a user id or an email address' })
  .trim()
  .min(1, 'give a user id or an email address')
  .max(SUBJECT_MAX_CHARS, `must be at most ${SUBJECT_MAX_CHARS} characters`);

/** GET /api/admin/gdpr/export?user=<id or email> */
export const exportQuery = z.object({ user: subjectRef });

/** The page's search params: `?q=<id or email>`, optional. */
export const gdprSearch = z.object({
  q: z
    .string()
    .trim()
    .max(SUBJECT_MAX_CHARS)
    .optional()
    .transform((value) => value || undefined),
});

/** The erasure: whom, and their email typed again as the confirmation. */
export const eraseInput = z.object({
  userId: z.string().trim().min(1, 'must not be empty').max(100),
  confirmEmail: z.string().trim().min(1, 'type the email address to confirm').max(SUBJECT_MAX_CHARS),
});

export type EraseInput = z.infer<typeof eraseInput>;

/** Whether the typed confirmation names the subject (case and surrounding spaces do not matter). */
export function confirmsEmail(typed: string, email: string): boolean {
  return typed.trim().toLowerCase() === email.trim().toLowerCase();
}
