// Benchmark: POST /api/v1/query (API key, built-in local model) at concurrency 1, 10 and 50, next to
// a bare route handler of the same app (/api/health: the route wrapper and nothing else), and the
// time to the first Server-Sent Event of /api/v1/query/stream. On a production build and real Postgres.
import { Agent, request } from 'undici';
import type { Benchmark } from './support/benchmark';
import { DEMO_QUESTIONS } from './support/questions';
import { startProductionApp, type ProductionApp } from './support/production-app';
import { ms, note, printTable, ratio, summarise } from './support/report';

const LEVELS = [
  { concurrency: 1, requests: 100 },
  { concurrency: 10, requests: 400 },
  { concurrency: 50, requests: 1000 },
];
const SSE_REQUESTS = 100;
const QUESTIONS = DEMO_QUESTIONS;

type Load = { rps: number; latencies: number[]; errors: number };

// The closed loops' client: undici's request API on keep-alive connections. The client shares the
// two cores with the server, and \`fetch\` (WHATWG Request and Response objects, body streams) cost
// it several times as much CPU a request, which the server's figures then lost.
const agent = new Agent({ connections: 64, keepAliveTimeout: 30_000 });

/** One request of a closed loop; resolves when the whole body has been read. */
async function send(
  url: string,
  init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<{ ok: boolean }> {
  const response = await request(url, { ...init, dispatcher: agent });
  await response.body.arrayBuffer();
  return { ok: response.statusCode >= 200 && response.statusCode < 300 };
}

/** Closed loop: `concurrency` workers each send their next request when the previous one is answered. */
async function load(
  concurrency: number,
  total: number,
  send: (i: number) => Promise<{ ok: boolean }>,
): Promise<Load> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        try {
          const response = await send(i);
          if (response.ok) latencies.push(performance.now() - t0);
          else errors += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { rps: (latencies.length / (performance.now() - started)) * 1000, latencies, errors };
}

let unique = 0;

/**
 * A question for request `i`. Uncached questions carry a number no earlier question had, which the
 * answer cache's guards never match, so each one runs the whole pipeline; cached ones repeat.
 */
function question(i: number, cached: boolean): string {
  if (cached) return cachedQuestions[i % cachedQuestions.length]!;
  return `${QUESTIONS[i % QUESTIONS.length]!} (request ${++unique})`;
}

/**
 * The questions the answer cache serves: only a confident answer is cached, so a question whose
 * answer is not stays a whole-pipeline question however often it is asked.
 */
const cachedQuestions: string[] = [];

async function servedFromCache(app: ProductionApp, text: string): Promise<boolean> {
  const response = await fetch(`${app.baseUrl}/api/v1/query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  const body = (await response.json()) as { explanation?: { factors?: { cacheHit?: boolean } } };
  return body.explanation?.factors?.cacheHit === true;
}

/** A closed loop's question (undici). */
function ask(app: ProductionApp, i: number, cached: boolean): Promise<{ ok: boolean }> {
  return send(`${app.baseUrl}/api/v1/query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: question(i, cached) }),
  });
}

function query(app: ProductionApp, path: string, i: number): Promise<Response> {
  return fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: question(i, false) }),
  });
}

/** Time to the first `data:` event and to the end of the stream. */
async function firstEvent(app: ProductionApp, i: number): Promise<[number, number]> {
  const t0 = performance.now();
  const response = await query(app, '/api/v1/query/stream', i);
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let first = Number.NaN;
  let seen = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value;
    if (Number.isNaN(first) && seen.includes('data: ')) first = performance.now() - t0;
  }
  if (!seen.includes('event: done')) throw new Error('stream ended without its done event');
  return [first, performance.now() - t0];
}

export const apiQuery: Benchmark = {
  name: 'api-query',
  summary:
    'POST /api/v1/query, new and cached questions, at concurrency 1/10/50 vs a bare route, and SSE time to first event (production build)',
  async run() {
    const app = await startProductionApp();
    try {
      // Warm: compile paths, fill pools and caches.
      await load(4, 40, (i) => ask(app, i, false));
      await load(4, 40, () => send(`${app.baseUrl}/api/health`));

      // Each question answered once, so that the cache holds those it keeps; then asked again, to keep
      // for the cached runs only the questions it serves.
      for (const text of QUESTIONS) await servedFromCache(app, text);
      for (const text of QUESTIONS) if (await servedFromCache(app, text)) cachedQuestions.push(text);
      if (cachedQuestions.length === 0) throw new Error('the answer cache served none of the questions');
      note(
        `${cachedQuestions.length} of ${QUESTIONS.length} questions are served from the answer cache (the others' answers are not confident enough to cache); the cached runs ask only those.`,
      );
      // Warm the cached path too, at the highest concurrency: its own code paths and the pool's
      // connections, which the whole-pipeline runs before it do not reach at that concurrency.
      await load(50, 500, (i) => ask(app, i, true));

      for (const cached of [false, true]) {
        const rows: string[][] = [];
        for (const { concurrency, requests } of LEVELS) {
          const api = await load(concurrency, requests, (i) => ask(app, i, cached));
          const bare = await load(concurrency, requests, () => send(`${app.baseUrl}/api/health`));
          const a = summarise(api.latencies);
          const b = summarise(bare.latencies);
          rows.push([
            String(concurrency),
            api.rps.toFixed(1),
            ms(a.p50),
            ms(a.p95),
            String(api.errors),
            bare.rps.toFixed(1),
            ms(b.p50),
            ms(b.p95),
            ratio(bare.rps, api.rps),
          ]);
        }
        printTable(
          `POST /api/v1/query (local model, API key), ${cached ? 'answered from the answer cache' : 'every question new (the whole pipeline)'}, vs GET /api/health (bare route), closed loop`,
          [
            'conc.',
            'query req/s',
            'p50 ms',
            'p95 ms',
            'errors',
            'bare req/s',
            'p50 ms',
            'p95 ms',
            'bare/query',
          ],
          rows,
        );
      }

      const firsts: number[] = [];
      const totals: number[] = [];
      for (let i = 0; i < SSE_REQUESTS; i++) {
        const [first, total] = await firstEvent(app, i);
        firsts.push(first);
        totals.push(total);
      }
      const f = summarise(firsts);
      const t = summarise(totals);
      printTable(
        `POST /api/v1/query/stream, ${SSE_REQUESTS} sequential requests`,
        ['measure', 'p50 ms', 'p95 ms'],
        [
          ['first data: event', ms(f.p50), ms(f.p95)],
          ['done event (stream complete)', ms(t.p50), ms(t.p95)],
        ],
      );
      note(
        'Client and server share the machine; the local model answers in microseconds, so these are the cost of the pipeline (auth, retrieval, prompt, logging) itself.',
      );
    } finally {
      await app.stop();
      await agent.close();
    }
  },
};
