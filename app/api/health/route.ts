// GET /api/health: liveness. The process answers; nothing else is checked.
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

export const GET = route({}, async () =>
  Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } }),
);
