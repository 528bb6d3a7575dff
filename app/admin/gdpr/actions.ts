'use server';
// The GDPR page's one action: erase a person. Admins and compliance officers; the data layer checks
// the role again, the typed email, oneself and the last admin, and audits the erasure with it.
import { eraseUser } from '@/lib/gdpr/erasure';
import { eraseInput } from '@/lib/gdpr/schemas';
import { action } from '@/lib/http/action';

export const eraseGdprSubject = action(
  { name: 'gdpr.erase', roles: ['ADMIN', 'COMPLIANCE'], input: eraseInput },
  async ({ user, input, requestId }) => {
    const { requestRowId, counts } = await eraseUser({ viewer: user, erase: input, requestId });
    return { requestRowId, counts };
  },
);
