// GET /api/admin/gdpr/export?user=<user id or email>: everything held about the person as one JSON
// download (docs/GDPR.md, "Export format"). Admins and compliance officers; recorded in the request
// history and audited.
import { exportFileName } from '@/lib/gdpr/export-format';
import { exportSubject } from '@/lib/gdpr/export';
import { exportQuery } from '@/lib/gdpr/schemas';
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

export const GET = route({ roles: ['ADMIN', 'COMPLIANCE'] }, async ({ request, requestId, user }) => {
  const { user: subject } = exportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = await exportSubject({ viewer: user, user: subject, requestId });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${exportFileName(data.profile.id)}"`,
      'cache-control': 'no-store',
    },
  });
});
