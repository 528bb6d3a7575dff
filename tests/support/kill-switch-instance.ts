// One app instance for the kill-switch propagation test: the switch as this process sees it
// (GET /check answers 200, or 503 with the `service_paused` error the doors send), and changes
// made through it (POST /pause, /resume with { actor, reason }). Prints "listening <port>" once it serves.
import { createServer } from 'node:http';
import { assertServiceAvailable, pauseAnswers, resumeAnswers } from '../../lib/governance/kill-switch';
import { toAppError } from '../../lib/http/errors';

async function body(request: import('node:http').IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  try {
    if (path === '/check') await assertServiceAvailable();
    else if (path === '/pause' || path === '/resume') {
      const { actor, reason } = (await body(request)) as { actor: never; reason: string };
      await (path === '/pause' ? pauseAnswers : resumeAnswers)(actor, reason);
    } else throw new Error(`unknown path ${path}`);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
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
