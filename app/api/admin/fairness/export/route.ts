// GET /api/admin/fairness/export?format=csv|json&period=7|30|90|custom&from=&to=: the fairness report
// of the period as a download. Admins only; a period that does not parse is a 400, and the export is
// audited (who took a copy of which period).
import { z } from 'zod';
import { fairness } from '@/lib/config';
import { recordAudit } from '@/lib/db/audit';
import { fairnessCounts } from '@/lib/db/fairness';
import { fairnessCsv, fairnessExportFileName, fairnessJson } from '@/lib/fairness/export';
import { parseExportPeriod, periodBounds } from '@/lib/fairness/period';
import { buildFairnessReport } from '@/lib/fairness/report';
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

const formatSchema = z.enum(['csv', 'json']);

export const GET = route({ roles: ['ADMIN'] }, async ({ request, requestId, user }) => {
  const params = new URL(request.url).searchParams;
  const format = formatSchema.parse(params.get('format') ?? 'csv');
  const period = parseExportPeriod(params);
  const bounds = periodBounds(period);
  const report = buildFairnessReport(await fairnessCounts(user, bounds), {
    from: bounds.from,
    to: bounds.to,
    threshold: fairness.ratioThreshold,
    minRequests: fairness.minRequests,
  });
  await recordAudit({
    actor: user,
    action: 'fairness.exported',
    metadata: { format, from: bounds.from.toISOString(), to: bounds.to.toISOString() },
    requestId,
  });
  return new Response(format === 'csv' ? fairnessCsv(report) : fairnessJson(report), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${fairnessExportFileName(format)}"`,
      'cache-control': 'no-store',
    },
  });
});
