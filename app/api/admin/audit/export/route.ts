// GET /api/admin/audit/export?format=csv|json&action=&actor=&target=&from=&to=: the audit rows the
// filter matches, streamed as a download. Admins and compliance officers only; the export is audited.
import { auditExportStream, exportFileName } from '@/lib/audit/export';
import { auditExportSchema } from '@/lib/audit/filter';
import { recordAudit } from '@/lib/db/audit';
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

export const GET = route({ roles: ['ADMIN', 'COMPLIANCE'] }, async ({ request, requestId, user }) => {
  const { format, ...filter } = auditExportSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  // Who took a copy of the trail, and of what, is part of the trail.
  await recordAudit({
    actor: user,
    action: 'audit.exported',
    metadata: { format, filter },
    requestId,
  });
  return new Response(auditExportStream(filter, format), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${exportFileName(format)}"`,
      'cache-control': 'no-store',
    },
  });
});
