// GET /api/admin/queries/export?q=&user=&model=&route=&status=&cache=&low=&feedback=&from=&to=&sort=:
// the query-log rows the filter matches, streamed as CSV. Admins only; a filter that does not parse
// is a 400, and the export is audited (who took a copy of which rows).
import { queryExportFileName, queryExportStream } from '@/lib/admin/query-export';
import { parseQueryExportParams } from '@/lib/admin/query-filters';
import { recordAudit } from '@/lib/db/audit';
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

export const GET = route({ roles: ['ADMIN'] }, async ({ request, requestId, user }) => {
  const filter = parseQueryExportParams(new URL(request.url).searchParams);
  await recordAudit({ actor: user, action: 'queries.exported', metadata: { filter }, requestId });
  return new Response(queryExportStream(user, filter), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${queryExportFileName()}"`,
      'cache-control': 'no-store',
    },
  });
});
