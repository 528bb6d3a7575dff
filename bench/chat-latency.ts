// Benchmark: /api/chat time to first text-delta and to completion for a signed-in user, next to a
// bare route through the same wrapper (/api/health), on the app as `npm run dev` starts it.
import { randomUUID } from 'node:crypto';
import type { Benchmark } from './support/benchmark';
import { DEMO_QUESTIONS } from './support/questions';
import { signIn, type Cookies } from './support/session';
import { ensureApp, type RunningApp } from './support/app';
import { ms, note, printTable, ratio, summarise, type Summary } from './support/report';

const WARMUP = 3;
const CHATS = 30;
const HEALTH_WARMUP = 5;
const HEALTH_REQUESTS = 100;
const REQUEST_TIMEOUT_MS = 60_000;
const DEMO_USER = { email: 'user@demo.local', password: 'demo-password-2026' };
const QUESTIONS = DEMO_QUESTIONS.slice(0, 6);

type ChatTiming = {
  headersMs: number;
  firstDeltaMs: number;
  totalMs: number;
  chars: number;
  sources: number;
};

/** One chat turn, reading the UI message stream as it arrives. */
async function ask(baseUrl: string, cookies: Cookies, question: string): Promise<ChatTiming> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.header() },
    body: JSON.stringify({
      trigger: 'submit-message',
      id: randomUUID(),
      message: { id: randomUUID(), role: 'user', parts: [{ type: 'text', text: question }] },
    }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const headersMs = performance.now() - started;
  if (response.status !== 200 || !response.body) {
    throw new Error(`POST /api/chat answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  let firstDeltaMs = Number.NaN;
  let chars = 0;
  let sources = 0;
  let buffered = '';
  const decoder = new TextDecoder();
  const onLine = (line: string) => {
    if (!line.startsWith('data: ')) return;
    const payload = line.slice('data: '.length).trim();
    if (payload === '[DONE]') return;
    const chunk = JSON.parse(payload) as { type: string; delta?: string; errorText?: string; data?: unknown };
    if (chunk.type === 'text-delta') {
      if (Number.isNaN(firstDeltaMs)) firstDeltaMs = performance.now() - started;
      chars += chunk.delta?.length ?? 0;
    } else if (chunk.type === 'data-sources') {
      sources = Array.isArray(chunk.data) ? chunk.data.length : 0;
    } else if (chunk.type === 'error') {
      throw new Error(`the answer stream reported an error: ${chunk.errorText ?? payload}`);
    }
  };
  for await (const bytes of response.body) {
    buffered += decoder.decode(bytes, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    lines.forEach(onLine);
  }
  onLine(buffered);
  const totalMs = performance.now() - started;
  if (Number.isNaN(firstDeltaMs)) throw new Error(`no text-delta in the answer to "${question}"`);
  return { headersMs, firstDeltaMs, totalMs, chars, sources };
}

async function timeHealth(baseUrl: string): Promise<Summary> {
  const get = async () => {
    const response = await fetch(`${baseUrl}/api/health`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.text();
    if (response.status !== 200) throw new Error(`GET /api/health answered ${response.status}`);
  };
  for (let i = 0; i < HEALTH_WARMUP; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < HEALTH_REQUESTS; i++) {
    const started = performance.now();
    await get();
    times.push(performance.now() - started);
  }
  return summarise(times);
}

async function measure(app: RunningApp): Promise<void> {
  const cookies = await signIn(app.baseUrl, DEMO_USER);
  note(`signed in as ${DEMO_USER.email}`);
  const health = await timeHealth(app.baseUrl);

  for (let i = 0; i < WARMUP; i++) await ask(app.baseUrl, cookies, QUESTIONS[i % QUESTIONS.length]!);
  const timings: Array<ChatTiming & { question: string }> = [];
  for (let i = 0; i < CHATS; i++) {
    const question = QUESTIONS[i % QUESTIONS.length]!;
    timings.push({ question, ...(await ask(app.baseUrl, cookies, question)) });
  }
  const headers = summarise(timings.map((t) => t.headersMs));
  const firstDelta = summarise(timings.map((t) => t.firstDeltaMs));
  const total = summarise(timings.map((t) => t.totalMs));

  const row = (label: string, s: Summary) => [
    label,
    String(s.count),
    ms(s.p50),
    ms(s.p95),
    ms(s.mean),
    ms(s.min),
    ms(s.max),
  ];
  printTable(
    `chat-latency: ${CHATS} sequential chat turns after ${WARMUP} warm-up, ${HEALTH_REQUESTS} health checks after ${HEALTH_WARMUP} (ms)`,
    ['request', 'n', 'p50', 'p95', 'mean', 'min', 'max'],
    [
      row('GET /api/health (bare route, same wrapper)', health),
      row('POST /api/chat, response headers', headers),
      row('POST /api/chat, first text-delta', firstDelta),
      row('POST /api/chat, stream complete', total),
    ],
  );
  printTable(
    'chat-latency: chat compared with the bare route',
    ['measure', 'chat', '/api/health', 'chat/health'],
    [
      [
        'p50 first text-delta vs health',
        ms(firstDelta.p50),
        ms(health.p50),
        ratio(firstDelta.p50, health.p50),
      ],
      [
        'p95 first text-delta vs health',
        ms(firstDelta.p95),
        ms(health.p95),
        ratio(firstDelta.p95, health.p95),
      ],
      ['p50 complete vs health', ms(total.p50), ms(health.p50), ratio(total.p50, health.p50)],
      ['p95 complete vs health', ms(total.p95), ms(health.p95), ratio(total.p95, health.p95)],
    ],
  );
  printTable(
    'chat-latency: by question',
    ['question', 'n', 'first delta p50', 'complete p50', 'answer chars', 'sources'],
    QUESTIONS.map((question) => {
      const mine = timings.filter((t) => t.question === question);
      return [
        question,
        String(mine.length),
        ms(summarise(mine.map((t) => t.firstDeltaMs)).p50),
        ms(summarise(mine.map((t) => t.totalMs)).p50),
        String(Math.round(mine.reduce((sum, t) => sum + t.chars, 0) / Math.max(mine.length, 1))),
        String(mine[0]?.sources ?? 0),
      ];
    }),
  );
}

export const chatLatency: Benchmark = {
  name: 'chat-latency',
  summary: `/api/chat first text-delta and completion, p50/p95 over ${CHATS} turns, next to /api/health`,
  async run(context) {
    const { app, ownApp } = await ensureApp(context.app);
    note(
      ownApp
        ? `started the app for this benchmark on ${app.baseUrl}`
        : `using the app dev-start started on ${app.baseUrl}`,
    );
    note(`models: the built-in local models (no OPENAI_API_KEY / OPENAI_BASE_URL in the app's environment)`);
    try {
      await measure(app);
    } finally {
      if (ownApp) await app.stop();
    }
  },
};
