// A local server speaking the Cohere-compatible rerank wire format (POST /v1/rerank), for retrieval
// tests: it ranks documents containing a chosen word first, and can fail or answer too slowly.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RerankRequest = {
  authorization: string | undefined;
  body: { model: string; query: string; documents: string[]; top_n: number };
};

export type RerankStub = {
  /** The base URL (RERANK_BASE_URL). */
  url: string;
  requests: RerankRequest[];
  /** Documents containing this word (case-insensitive) score 0.9, the others 0.1 − index/1000. */
  preferWord: (word: string) => void;
  /** From now on: answer normally, answer `status`, or wait `ms` before answering. */
  mode: (mode: { ok: true } | { status: number } | { delayMs: number }) => void;
  close: () => Promise<void>;
};

export async function startRerankStub(): Promise<RerankStub> {
  const requests: RerankRequest[] = [];
  let preferred = '';
  let mode: { ok: true } | { status: number } | { delayMs: number } = { ok: true };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/rerank') return void res.writeHead(404).end();
      const body = JSON.parse(raw) as RerankRequest['body'];
      requests.push({ authorization: req.headers.authorization, body });
      if ('status' in mode) {
        res.writeHead(mode.status, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ message: 'stub failure' }));
      }
      const results = body.documents
        .map((document, index) => ({
          index,
          relevance_score: preferred && document.toLowerCase().includes(preferred) ? 0.9 : 0.1 - index / 1000,
        }))
        .sort((a, b) => b.relevance_score - a.relevance_score)
        .slice(0, body.top_n);
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'stub', results, meta: { billed_units: { search_units: 1 } } }));
      };
      if ('delayMs' in mode) setTimeout(answer, mode.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    preferWord: (word) => (preferred = word.toLowerCase()),
    mode: (next) => (mode = next),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
