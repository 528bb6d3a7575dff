// A GDPR export (art. 15 and 20): finds the person, records the request, reads everything held about
// them and audits the act. The route streams the result as a download.
import 'server-only';
import { recordAudit } from '@/lib/db/audit';
import {
  failGdprRequest,
  findGdprSubject,
  finishGdprRequest,
  markGdprRequestRunning,
  openGdprRequest,
} from '@/lib/db/gdpr';
import { collectSubjectData } from '@/lib/db/gdpr-export';
import type { SessionUser } from '@/lib/db/users';
import { exportCounts, type GdprExport } from './export-format';

/** Export failures the officer sees in the history; the cause goes to the logs, not the page. */
const EXPORT_FAILED = 'The export failed; nothing was downloaded. Try again, or see the logs by request id.';

export async function exportSubject(input: {
  viewer: SessionUser | null;
  /** A user id or email. */
  user: string;
  requestId?: string | null;
}): Promise<GdprExport> {
  const subject = await findGdprSubject(input.viewer, input.user);
  const viewer = input.viewer!;
  const request = await openGdprRequest({ viewer, type: 'EXPORT', subject, requestId: input.requestId });
  try {
    await markGdprRequestRunning(request.id);
    const data = await collectSubjectData(subject, request.id);
    const counts = exportCounts(data);
    // Who took a copy of a person's data is part of the trail.
    await recordAudit({
      actor: viewer,
      action: 'gdpr.exported',
      target: { type: 'user', id: subject.id },
      metadata: { gdprRequestId: request.id, format: data.format, version: data.version, ...counts },
      requestId: input.requestId ?? null,
    });
    await finishGdprRequest(request.id, counts);
    return data;
  } catch (error) {
    await failGdprRequest(request.id, EXPORT_FAILED).catch(() => {});
    throw error;
  }
}
