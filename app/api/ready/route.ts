// GET /api/ready: readiness. 503 with a reason while the instance shuts down, or while the database is
// unreachable or behind.
import { checkReadiness } from '@/lib/db/readiness';
import { route } from '@/lib/http/handler';
import { isShuttingDown } from '@/lib/lifecycle/state';

export const dynamic = 'force-dynamic';

export const GET = route({}, async () => {
  const headers = { 'cache-control': 'no-store' };
  // Load balancers stop sending requests here while those in flight finish (docs/OPERATIONS.md).
  if (isShuttingDown())
    return Response.json(
      { status: 'unavailable', checks: { process: 'shutting down' } },
      { status: 503, headers },
    );
  const database = await checkReadiness();
  if (database.ok) return Response.json({ status: 'ready', checks: { database: 'ok' } }, { headers });
  return Response.json(
    { status: 'unavailable', checks: { database: database.reason } },
    { status: 503, headers },
  );
});
