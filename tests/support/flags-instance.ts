// One app instance for the feature-flag propagation test: the pipeline's flags as this process
// serves them to a user (GET /flags?user=<id> answers the variants), and stage changes made through
// it (POST /stage with { actor, key, percent }). Prints "listening <port>" once it serves.
import { createServer } from 'node:http';
import { pipelineFlags } from '../../lib/flags/flags';
import { moveFeatureFlagStage } from '../../lib/flags/manage';
import { toAppError } from '../../lib/http/errors';

async function body(request: import('node:http').IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  try {
    let result: unknown = { ok: true };
    if (url.pathname === '/flags') result = await pipelineFlags({ id: url.searchParams.get('user') ?? '' });
    else if (url.pathname === '/stage') {
      const { actor, key, percent } = (await body(request)) as { actor: never; key: string; percent: number };
      await moveFeatureFlagStage(actor, key, percent);
    } else throw new Error(`unknown path ${url.pathname}`);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  } catch (error) {
    const appError = toAppError(error);
    response.writeHead(appError.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: appError.code, message: appError.message } }));
  }
});
// Port 0: the system picks a free one, so parallel test runs never collide; it is printed.
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`listening ${port}\n`);
});
