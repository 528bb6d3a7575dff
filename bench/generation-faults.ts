// Benchmark: answers under provider faults. The app (production build) talks to a local server
// speaking OpenAI's wire format that fails 10 % of chat calls (500s and 429s) and adds random latency;
// the share of questions answered, how (by the model, degraded), and how many 5xx reached the caller.
import { startChatStub } from '../tests/support/openai-chat-stub';
import type { Benchmark } from './support/benchmark';
import { startProductionApp } from './support/production-app';
import { ms, note, printTable, summarise } from './support/report';

const QUESTIONS = 400;
const CONCURRENCY = 10;
const FAILURE_RATE = 0.1;
const MAX_LATENCY_MS = 200;
const TOPICS = [
  'How do I use my own Postgres database?',
  'What does npm test run?',
  'Which models answer when no API key is set?',
  'How are API keys stored?',
];

export const generationFaults: Benchmark = {
  name: 'generation-faults',
  summary: `share of ${QUESTIONS} questions answered with a provider failing ${FAILURE_RATE * 100} % of calls`,
  async run() {
    const stub = await startChatStub();
    const app = await startProductionApp({
      OPENAI_BASE_URL: stub.baseURL,
      OPENAI_API_KEY: 'bench',
      OPENAI_CHAT_MODEL: 'stub-small',
      OPENAI_CHAT_MODEL_LARGE: 'stub-large',
      OPENAI_EMBEDDING_MODEL: 'stub-embedding',
    });
    try {
      stub.faults({ failureRate: FAILURE_RATE, maxLatencyMs: MAX_LATENCY_MS });
      const statuses = new Map<number, number>();
      const latencies: number[] = [];
      let answered = 0;
      let degraded = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < QUESTIONS) {
            const i = next++;
            const t0 = performance.now();
            const response = await fetch(`${app.baseUrl}/api/v1/query`, {
              method: 'POST',
              headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
              // A number per question: no two are the same, so the answer cache never answers for the provider.
              body: JSON.stringify({ query: `${TOPICS[i % TOPICS.length]} (question ${i})` }),
            });
            const body = (await response.json()) as { answer?: string; degraded?: boolean };
            latencies.push(performance.now() - t0);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (response.ok && body.answer) answered += 1;
            if (body.degraded) degraded += 1;
          }
        }),
      );
      const latency = summarise(latencies);
      const fivexx = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
      printTable(
        `POST /api/v1/query, ${QUESTIONS} questions at concurrency ${CONCURRENCY}, provider failing ${FAILURE_RATE * 100} % of calls, up to ${MAX_LATENCY_MS} ms latency`,
        ['measure', 'value'],
        [
          ['answered (200 with an answer)', `${answered} (${((answered / QUESTIONS) * 100).toFixed(1)} %)`],
          ['of which degraded (extractive last resort)', String(degraded)],
          ['5xx responses', String(fivexx)],
          ['statuses', [...statuses].map(([status, n]) => `${status}×${n}`).join(', ')],
          [
            'provider chat calls (small / large)',
            `${stub.calls('stub-small')} / ${stub.calls('stub-large')}`,
          ],
          ['latency p50 / p95 ms', `${ms(latency.p50)} / ${ms(latency.p95)}`],
        ],
      );
      note(
        'Goal: at least 99 % answered and no 5xx. A failed call is retried (Retry-After: 0), then the other model, then the extractive answer.',
      );
    } finally {
      await app.stop();
      await stub.close();
    }
  },
};
