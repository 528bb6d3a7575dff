// GET /api/ready: readiness. 503 with a reason while the database is unreachable or behind.
import { checkReadiness } from '@/lib/db/readiness';
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

export const GET = route({}, async () => {
  const database = await checkReadiness();
  const headers = { 'cache-control': 'no-store' };
  if (database.ok) return Response.json({ status: 'ready', checks: { database: 'ok' } }, { headers });
  return Response.json(
    { status: 'unavailable', checks: { database: database.reason } },
    { status: 503, headers },
  );
});
