// Benchmark: what the pipeline adds before the first token. Time to the first text of /api/chat and
// /api/v1/query/stream with the built-in (zero-latency) model, minus retrieval (the server's own
// Server-Timing) and minus the model alone (measured in this process on the prompts the same questions
// get), p50/p95 at concurrency 1 and 20.
// On a production build over real Postgres.
import { streamText } from 'ai';
import { randomUUID } from 'node:crypto';
import { createLocalChatModel } from '../lib/ai/local/extractive-model';
import { closeDb, connectDb } from '../lib/db/client';
import { buildPrompt } from '../lib/rag/prompt';
import { retrievePassages } from '../lib/rag/retrieve';
import { toAnswerSource } from '../lib/rag/sources';
import type { Benchmark } from './support/benchmark';
import { DEMO_QUESTIONS } from './support/questions';
import { startProductionApp, type ProductionApp } from './support/production-app';
import { ms, note, printTable, summarise } from './support/report';
import { signIn, type Cookies } from './support/session';

const LEVELS = [
  { concurrency: 1, requests: 100 },
  { concurrency: 20, requests: 400 },
];
let unique = 0;
/** Each request's question is new (a number no other had), so none is answered from the cache. */
const fresh = (i: number) => `${QUESTIONS[i % QUESTIONS.length]} (request ${++unique})`;
const QUESTIONS = DEMO_QUESTIONS;

type Sample = { firstMs: number; stagesMs: number; retrieveMs: number };

/** Milliseconds of the stages before generation, from Server-Timing (conversation, condense, retrieve). */
function stages(header: string | null): { total: number; retrieve: number } {
  let total = 0;
  let retrieve = 0;
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.trim().split(';');
    const dur = Number(params.find((p) => p.startsWith('dur='))?.slice(4));
    if (!Number.isFinite(dur)) continue;
    total += dur;
    if (name === 'retrieve') retrieve = dur;
  }
  return { total, retrieve };
}

/** Reads a streamed response until `isFirst` sees its first text in the accumulated body. */
async function timeFirst(
  response: Response,
  t0: number,
  isFirst: (seen: string) => boolean,
): Promise<number> {
  if (!response.ok || !response.body) throw new Error(`answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let seen = '';
  let first = Number.NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value;
    if (Number.isNaN(first) && isFirst(seen)) first = performance.now() - t0;
  }
  return first;
}

async function streamSample(app: ProductionApp, i: number): Promise<Sample> {
  const t0 = performance.now();
  const response = await fetch(`${app.baseUrl}/api/v1/query/stream`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: fresh(i) }),
  });
  const { total, retrieve } = stages(response.headers.get('server-timing'));
  const firstMs = await timeFirst(response, t0, (seen) => seen.includes('data: {"text"'));
  return { firstMs, stagesMs: total, retrieveMs: retrieve };
}

async function chatSample(app: ProductionApp, cookies: Cookies, i: number): Promise<Sample> {
  const t0 = performance.now();
  const response = await fetch(`${app.baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.header() },
    body: JSON.stringify({
      trigger: 'submit-message',
      id: randomUUID(),
      // What the chat client sends with a new conversation's first question.
      opensConversation: true,
      message: {
        id: randomUUID(),
        role: 'user',
        parts: [{ type: 'text', text: fresh(i) }],
      },
    }),
  });
  const { total, retrieve } = stages(response.headers.get('server-timing'));
  const firstMs = await timeFirst(response, t0, (seen) => seen.includes('"type":"text-delta"'));
  return { firstMs, stagesMs: total, retrieveMs: retrieve };
}

async function load(
  concurrency: number,
  total: number,
  sample: (i: number) => Promise<Sample>,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) samples.push(await sample(next++));
    }),
  );
  return samples;
}

type Prompt = ReturnType<typeof buildPrompt>;

/** The built-in model alone: time to its first text-delta for each prompt in turn, in this process. */
async function modelAlone(prompts: Prompt[], runs: number): Promise<number[]> {
  const model = createLocalChatModel();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { system, prompt } = prompts[i % prompts.length]!;
    const t0 = performance.now();
    const result = streamText({ model, instructions: system, prompt });
    for await (const part of result.stream) if (part.type === 'text-delta') break;
    out.push(performance.now() - t0);
  }
  return out;
}

/** A fixed prompt of six passages, as earlier runs of this benchmark timed the model alone. */
function fixedPrompt(): Prompt {
  return buildPrompt({
    question: 'How do I use my own Postgres database?',
    passages: Array.from({ length: 6 }, (_, i) => ({
      n: i + 1,
      title: 'README.md',
      headingPath: 'Using your own Postgres database',
      text: 'Set DATABASE_URL to a Postgres server (14 or newer) that has the pgvector extension installed. The app applies its migrations on start. '.repeat(
        3,
      ),
    })),
  });
}

/**
 * The prompts the app builds for the benchmark's questions: each question (numbered, as the timed
 * requests are) with the passages retrieval finds for it, retrieved in this process from the app's
 * database, so the model alone is timed on what it is given in the requests.
 */
async function questionPrompts(app: ProductionApp): Promise<Prompt[]> {
  connectDb(app.databaseUrl, 2);
  try {
    const prompts: Prompt[] = [];
    for (const [i, base] of QUESTIONS.entries()) {
      const question = `${base} (request ${i + 1})`;
      const { passages } = await retrievePassages({ question, viewer: { userId: null } });
      prompts.push(
        buildPrompt({
          question,
          passages: passages
            .map(toAnswerSource)
            .map(({ n, title, headingPath, text }) => ({ n, title, headingPath, text })),
        }),
      );
    }
    return prompts;
  } finally {
    await closeDb();
  }
}

export const pipelineOverhead: Benchmark = {
  name: 'pipeline-overhead',
  summary:
    'time to first text of /api/chat and /api/v1/query/stream minus retrieval and the model alone, c=1/20',
  async run() {
    const fixed = summarise(await modelAlone([fixedPrompt()], 300));
    const app = await startProductionApp();
    try {
      const model = summarise(await modelAlone(await questionPrompts(app), 400));
      const cookies = await signIn(app.baseUrl, app.user);
      await load(4, 30, (i) => streamSample(app, i));
      await load(4, 30, (i) => chatSample(app, cookies, i));
      const rows: string[][] = [];
      for (const { concurrency, requests } of LEVELS) {
        for (const [door, sample] of [
          ['/api/v1/query/stream', (i: number) => streamSample(app, i)],
          ['/api/chat', (i: number) => chatSample(app, cookies, i)],
        ] as const) {
          const samples = await load(concurrency, requests, sample);
          const first = summarise(samples.map((s) => s.firstMs));
          const retrieve = summarise(samples.map((s) => s.retrieveMs));
          const overhead = summarise(samples.map((s) => s.firstMs - s.retrieveMs - model.p50));
          const beyondStages = summarise(samples.map((s) => s.firstMs - s.stagesMs - model.p50));
          rows.push([
            `${door} c=${concurrency}`,
            ms(first.p50),
            ms(first.p95),
            ms(retrieve.p50),
            ms(retrieve.p95),
            ms(overhead.p50),
            ms(overhead.p95),
            ms(beyondStages.p50),
          ]);
        }
      }
      printTable(
        `Time to first text (ms); the model alone on these questions' prompts p50 ${ms(model.p50)} / p95 ${ms(model.p95)} (on a fixed six-passage prompt p50 ${ms(fixed.p50)})`,
        [
          'door',
          'first p50',
          'first p95',
          'retrieve p50',
          'retrieve p95',
          'added p50',
          'added p95',
          'beyond stages p50',
        ],
        rows,
      );
      note(
        '"added" = first text − retrieval (Server-Timing) − the model alone on the same questions\' prompts: what the pipeline itself costs (HTTP, auth, validation, conversation, routing, prompt, policies, streaming). "beyond stages" also subtracts the conversation and condense stages.',
      );
    } finally {
      await app.stop();
    }
  },
};
