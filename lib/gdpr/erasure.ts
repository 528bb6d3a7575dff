// A GDPR erasure (art. 17): records the request, erases the person in one transaction (lib/db/
// gdpr-erasure.ts, which also audits it and marks the request done), and marks the request failed,
// with a readable reason, when it is refused or fails. The person is found by id and confirmed by
// their email typed again.
import 'server-only';
import { failGdprRequest, findGdprSubject, markGdprRequestRunning, openGdprRequest } from '@/lib/db/gdpr';
import { eraseSubject, type ErasureOutcome } from '@/lib/db/gdpr-erasure';
import type { SessionUser } from '@/lib/db/users';
import { AppError, toAppError } from '@/lib/http/errors';
import { newPseudonym } from './pseudonym';
import { confirmsEmail, type EraseInput } from './schemas';

export async function eraseUser(input: {
  viewer: SessionUser | null;
  erase: EraseInput;
  requestId?: string | null;
}): Promise<ErasureOutcome> {
  const subject = await findGdprSubject(input.viewer, input.erase.userId);
  // A mistyped confirmation is refused before anything is recorded: nothing was requested.
  if (!confirmsEmail(input.erase.confirmEmail, subject.email))
    throw new AppError('validation_failed', 'confirmEmail: the email typed does not match the user to erase');
  const viewer = input.viewer!;
  const request = await openGdprRequest({ viewer, type: 'ERASURE', subject, requestId: input.requestId });
  try {
    await markGdprRequestRunning(request.id);
    return await eraseSubject({
      actor: viewer,
      userId: subject.id,
      confirmEmail: input.erase.confirmEmail,
      pseudonym: newPseudonym(),
      requestRowId: request.id,
      requestId: input.requestId,
    });
  } catch (error) {
    // A refusal (the last admin, oneself) keeps its message; anything else gets the generic one.
    await failGdprRequest(request.id, toAppError(error).message).catch(() => {});
    throw error;
  }
}
