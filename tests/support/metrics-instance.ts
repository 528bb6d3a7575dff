// One instance for the metrics test: requests counted by the same functions the route wrapper and
// /api/metrics use (lib/observability/metrics*, which load outside Next.js), behind a plain HTTP
// server. GET /api/ping?status=N answers N (after ?delay= ms). Prints "listening".
import { createServer } from 'node:http';
import { AppError, errorBody } from '../../lib/http/errors';
import { renderMetrics, startRequest } from '../../lib/observability/metrics';
import { assertMetricsAccess } from '../../lib/observability/metrics-access';

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/api/metrics') {
    try {
      assertMetricsAccess(request.headers.authorization ?? null);
      const { contentType, body } = await renderMetrics();
      response.writeHead(200, { 'content-type': contentType });
      return void response.end(body);
    } catch (error) {
      const appError = error as AppError;
      response.writeHead(appError.status, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify(errorBody(appError, 'metrics-test')));
    }
  }
  const finished = startRequest();
  await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get('delay') ?? 0)));
  const status = Number(url.searchParams.get('status') ?? 200);
  response.writeHead(status);
  response.end('pong');
  finished('/api/ping', status);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
