// A local stand-in for Upstash's Redis REST API in front of a real Redis: POST / with one command as a
// JSON array, POST /pipeline (and /multi-exec) with an array of them; Bearer token; results base64
// encoded when the client sends `Upstash-Encoding: base64`, as @upstash/redis does. EVAL and EVALSHA
// accept Upstash's script flags, which a stock Redis refuses (lib/rate-limit/redis-client.ts).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Redis } from 'ioredis';
import { upstashScriptRunner } from '../../lib/rate-limit/redis-client';

export type UpstashRestStub = { url: string; token: string; requests: number; close(): Promise<void> };

type Reply = { result: unknown } | { error: string };

const encode = (value: unknown): unknown => {
  if (typeof value === 'string') return value === 'OK' ? value : Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(encode);
  return value;
};

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function startUpstashRestStub(redisUrl: string, token = 'stub-token'): Promise<UpstashRestStub> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const scripts = upstashScriptRunner(redis);
  const call = (name: string, args: string[]): Promise<unknown> => {
    const upper = name.toUpperCase();
    if (upper === 'EVAL' || upper === 'EVALSHA') {
      const [scriptOrSha, count, ...rest] = args;
      const keys = rest.slice(0, Number(count));
      const argv = rest.slice(Number(count));
      return upper === 'EVAL'
        ? scripts.eval(scriptOrSha!, keys, argv)
        : scripts.evalsha(scriptOrSha!, keys, argv);
    }
    return redis.call(name, ...args);
  };
  const run = async (command: unknown, base64: boolean): Promise<Reply> => {
    if (!Array.isArray(command) || typeof command[0] !== 'string') return { error: 'ERR malformed command' };
    const [name, ...args] = command as [string, ...unknown[]];
    try {
      const result = await call(
        name,
        args.map((arg) => String(arg)),
      );
      return { result: base64 ? encode(result) : result };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  const stub = { requests: 0 } as UpstashRestStub;
  const server: Server = createServer(async (request, response) => {
    stub.requests++;
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST') return send(405, { error: 'Method not allowed' });
    if (request.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'Unauthorized' });
    const base64 = request.headers['upstash-encoding'] === 'base64';
    let body: unknown;
    try {
      body = await readBody(request);
    } catch {
      return send(400, { error: 'ERR body is not JSON' });
    }
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/pipeline' || path === '/multi-exec') {
      if (!Array.isArray(body)) return send(400, { error: 'ERR a pipeline is an array of commands' });
      const replies: Reply[] = [];
      for (const command of body) replies.push(await run(command, base64));
      return send(200, replies);
    }
    const reply = await run(body, base64);
    send('error' in reply ? 400 : 200, reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  stub.url = `http://127.0.0.1:${port}`;
  stub.token = token;
  stub.close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await redis.quit();
  };
  return stub;
}
