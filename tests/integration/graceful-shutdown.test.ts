// [SHUTDOWN] SIGTERM on a real production instance (`npm start`) while an answer streams: readiness
// answers 503 first, then new connections are refused, the stream still ends with its whole answer,
// the job workers and pools close, the requests refused by a rate limit since the last flush are
// counted for the overview, and the process exits 0.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../lib/db/api-keys';
import { db } from '../../lib/db/client';
import { upsertUser } from '../../lib/db/users';
import { ingestFile } from '../../lib/ingest/pipeline';
import { startChatStub, type ChatStub } from '../support/openai-chat-stub';
import { ensureProductionBuild, startProductionApp, type AppInstance } from '../support/production-app';

const PIECES = Array.from({ length: 12 }, (_, i) => `part${i} `);
const PIECE_DELAY_MS = 400;

/** Requests refused at the door by `rule`, as the overview counts them (every hour). */
async function rejections(rule: string): Promise<number> {
  const [row] = await db().$queryRaw<[{ n: number }]>`
    SELECT coalesce(sum(rejections), 0)::int AS n FROM rate_limit_rollups WHERE rule = ${rule}`;
  return row.n;
}

describe(`[SHUTDOWN] graceful shutdown of a production instance on ${inject('database')}`, () => {
  let stub: ChatStub;
  let app: AppInstance;
  let key: string;

  beforeAll(async () => {
    await ensureProductionBuild();
    stub = await startChatStub();
    for (const model of ['stub-small', 'stub-large'])
      stub.script(model, [], { kind: 'answer', pieces: PIECES, delayMs: PIECE_DELAY_MS });
    const user = await upsertUser({ email: 'shutdown@example.test', role: 'USER', passwordHash: 'x' });
    key = (await createApiKey({ user, name: 'shutdown', scopes: ['query'] })).key;
    await ingestFile({
      fileName: 'ferries.md',
      source: 'ferries.md',
      bytes: new TextEncoder().encode(
        '# Ferries\n\nThe harbour ferry to Lindholm leaves every 20 minutes.\n',
      ),
    });
    app = await startProductionApp({
      DATABASE_URL: inject('databaseUrl'),
      OPENAI_BASE_URL: stub.baseURL,
      OPENAI_API_KEY: 'test',
      OPENAI_CHAT_MODEL: 'stub-small',
      OPENAI_CHAT_MODEL_LARGE: 'stub-large',
      OPENAI_EMBEDDING_MODEL: 'stub-embedding',
      SHUTDOWN_GRACE_SECONDS: '1',
      SHUTDOWN_DRAIN_SECONDS: '30',
      // One question per key and hour: the key's second question is refused at the door.
      RATE_LIMIT_MULTIPLIER: '0.01',
    });
  }, 40 * 60_000);

  afterAll(async () => {
    await app?.stop(5_000);
    await stub?.close();
  });

  it('drains: readiness 503, then connections refused, the stream completes, exit 0', async () => {
    const response = await fetch(`${app.baseUrl}/api/v1/query/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'How often does the harbour ferry to Lindholm leave?' }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    let ended = false;
    const reading = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += value;
      }
      ended = true;
    })();
    // The first token is out: the answer is in flight.
    while (!text.includes('part0')) await new Promise((resolve) => setTimeout(resolve, 20));

    // A refusal noted in memory just before the signal (flushed every 10 s, or on shutdown).
    const refusedBefore = await rejections('question-key');
    const limited = await fetch(`${app.baseUrl}/api/v1/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'And the ferry back?' }),
    });
    expect(limited.status).toBe(429);

    app.child.kill('SIGTERM');

    // Readiness goes first, while the listener still accepts connections (the grace period).
    let ready: Response | null = null;
    for (let i = 0; i < 50 && ready?.status !== 503; i++) {
      ready = await fetch(`${app.baseUrl}/api/ready`);
      if (ready.status !== 503) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(ready?.status).toBe(503);
    expect(await ready!.json()).toEqual({ status: 'unavailable', checks: { process: 'shutting down' } });

    // Then new connections are refused while the answer is still streaming.
    let refused: unknown = null;
    while (!refused && !ended) {
      refused = await fetch(`${app.baseUrl}/api/health`, { headers: { connection: 'close' } }).then(
        () => null,
        (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
      );
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Refused, or reset when it reached the accept queue just as the listener closed: not served.
    expect(['ECONNREFUSED', 'ECONNRESET']).toContain(refused);
    expect(ended).toBe(false);

    await reading;
    expect(text).toContain('event: done');
    expect(text).toContain(PIECES.at(-1)!.trim());
    expect(await app.exited).toBe(0);
    expect(app.output()).not.toMatch(/shutdown step (failed|timed out)/);
    // The overview's count of refused requests was written before the pool closed.
    expect(await rejections('question-key')).toBe(refusedBefore + 1);
  });
});
