// One app instance for the shared-limit test: an HTTP server whose every request is one hit of
// GET /hit?key=… against a rule of RULE_LIMIT per RULE_WINDOW_SECONDS, in the store the settings name
// (REDIS_URL). Prints "listening" once it serves.
import { createServer } from 'node:http';
import { limit } from '../../lib/rate-limit/limiter';
import type { RateLimitRule } from '../../lib/rate-limit/types';

const rule: RateLimitRule = {
  id: 'two-instances',
  limit: Number(process.env.RULE_LIMIT),
  windowSeconds: Number(process.env.RULE_WINDOW_SECONDS),
  whenStoreDown: 'closed',
};

const server = createServer(async (request, response) => {
  const key = new URL(request.url ?? '/', 'http://localhost').searchParams.get('key') ?? 'none';
  const result = await limit(key, rule);
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({ allowed: result.allowed, storeUnavailable: result.storeUnavailable ?? false }),
  );
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
