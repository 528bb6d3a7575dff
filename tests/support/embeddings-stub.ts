// A local server speaking OpenAI's embeddings wire format, for ingestion tests: it can answer with
// errors (429 with Retry-After, 503) a given number of times, and slowly, like a real provider can.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashEmbed } from '../../lib/ai/local/hash-embedding';

export type EmbeddingsStub = {
  url: string;
  /** Requests received so far (each is one embedding call). */
  calls: () => number;
  /** The next `count` calls answer `status` (with Retry-After: 0 on 429). */
  failNext: (count: number, status: 429 | 500 | 503) => void;
  /** Every call from now on answers `status`, until `recover()`. */
  failAlways: (status: 429 | 500 | 503) => void;
  recover: () => void;
  /** Milliseconds each successful call waits before answering. */
  setDelay: (ms: number) => void;
  close: () => Promise<void>;
};

export async function startEmbeddingsStub(): Promise<EmbeddingsStub> {
  let calls = 0;
  let failures = 0;
  let failAlways = false;
  let failStatus = 503;
  let delay = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      calls += 1;
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') return void res.writeHead(404).end();
      if (failAlways || failures > 0) {
        if (failures > 0) failures -= 1;
        res.writeHead(failStatus, { 'content-type': 'application/json', 'retry-after': '0' });
        return void res.end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error' } }));
      }
      const body = JSON.parse(raw) as { input: string[]; dimensions?: number; model: string };
      const size = body.dimensions ?? 384;
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            data: body.input.map((text, index) => ({
              object: 'embedding',
              index,
              embedding: hashEmbed(text, size),
            })),
            model: body.model,
            usage: { prompt_tokens: 5 * body.input.length, total_tokens: 5 * body.input.length },
          }),
        );
      }, delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls: () => calls,
    failNext: (count, status) => {
      failures = count;
      failStatus = status;
    },
    failAlways: (status) => {
      failAlways = true;
      failStatus = status;
    },
    recover: () => {
      failAlways = false;
      failures = 0;
    },
    setDelay: (ms) => {
      delay = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
