// [RAG] Ingest → hybrid retrieval → streamed, cited answer → query-log row, on the real database.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../lib/db/client';
import { ingestFile } from '../../lib/ingest/pipeline';
import { retrievePassages } from '../../lib/rag/retrieve';
import { chatResponse } from '../../lib/rag/answer-stream';
import { ask } from '../../lib/rag/ask';
import { upsertUser } from '../../lib/db/users';
import { renderMetrics } from '../../lib/observability/metrics';

async function metricValue(series: string): Promise<number> {
  const line = (await renderMetrics()).body.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const postgresGuide = `# Operations guide

## Using your own Postgres database

Set DATABASE_URL to a Postgres server that has the pgvector extension installed. The app applies its
migrations on start. Without DATABASE_URL the app uses an embedded database in the .data folder.

## Backups

Take nightly snapshots of the database volume and keep them for thirty days.
`;

const billing = `# Billing

## Invoices

Invoices are sent on the first working day of each month by email to the account owner.
`;

/** Reads a UI message stream (SSE) into its JSON chunks. */
async function readChunks(response: Response): Promise<Array<Record<string, unknown>>> {
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>);
}

describe(`[RAG] pipeline on ${inject('database')}`, () => {
  let user: { id: string };
  beforeAll(async () => {
    user = await upsertUser({ email: 'pipeline@example.test', role: 'USER', passwordHash: 'x' });
    await db().queryLog.deleteMany();
    await db().document.deleteMany();
    await ingestFile({
      fileName: 'docs/operations.md',
      source: 'docs/operations.md',
      bytes: new TextEncoder().encode(postgresGuide),
    });
    await ingestFile({
      fileName: 'docs/billing.md',
      source: 'docs/billing.md',
      bytes: new TextEncoder().encode(billing),
    });
  });

  it('stores each document once, with embedded passages and their heading paths', async () => {
    const again = await ingestFile({
      fileName: 'docs/billing.md',
      source: 'docs/billing.md',
      bytes: new TextEncoder().encode(billing),
    });
    expect(again.unchanged).toBe(true);
    expect(await db().document.count()).toBe(2);
    const rows = await db().$queryRaw<{ heading_path: string; has_embedding: boolean }[]>`
      SELECT heading_path, embedding IS NOT NULL AS has_embedding FROM chunks ORDER BY heading_path`;
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.has_embedding)).toBe(true);
    expect(rows.map((r) => r.heading_path).join('|')).toContain('Using your own Postgres database');
  });

  it('replaces a document when its source changes', async () => {
    await ingestFile({
      fileName: 'docs/billing.md',
      source: 'docs/billing.md',
      bytes: new TextEncoder().encode(billing.replace('first working day', 'last day')),
    });
    const docs = await db().document.findMany({ where: { source: 'docs/billing.md' } });
    expect(docs).toHaveLength(1);
    const text = await db().chunk.findMany({ where: { documentId: docs[0]!.id }, select: { text: true } });
    expect(text.map((t) => t.text).join(' ')).toContain('last day');
  });

  it('ranks the passage that answers the question first', async () => {
    const { passages } = await retrievePassages({
      question: 'How do I use my own Postgres database?',
      viewer: { userId: null },
    });
    expect(passages[0]?.headingPath).toContain('Using your own Postgres database');
    expect(passages[0]?.n).toBe(1);
  });

  it('streams a cited answer with its sources and records a query-log row', async () => {
    const answered = () => metricValue('rag_answers_total{status="ok"}');
    const tokens = () => metricValue('rag_tokens_total{model="local-extractive",direction="output"}');
    const [answeredBefore, tokensBefore] = [await answered(), await tokens()];
    const response = chatResponse(
      await ask({
        question: 'How do I use my own Postgres database?',
        requestId: 'req-pipeline-test-1',
        user,
        route: 'chat',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-pipeline-test-1');
    const chunks = await readChunks(response);
    const sources = chunks.find((c) => c.type === 'data-sources')!.data as Array<Record<string, unknown>>;
    expect(sources.length).toBeGreaterThan(0);
    expect(sources[0]).toMatchObject({
      n: 1,
      label: 'docs/operations.md › Using your own Postgres database',
      headingPath: 'Using your own Postgres database',
    });
    expect(sources[0]!.text).toContain('DATABASE_URL');
    const deltas = chunks.filter((c) => c.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(1);
    const answer = deltas.map((c) => c.delta).join('');
    expect(answer).toMatch(/DATABASE_URL/);
    expect(answer).toMatch(/\[1\]/);

    const log = await db().queryLog.findFirstOrThrow({ where: { requestId: 'req-pipeline-test-1' } });
    expect(log).toMatchObject({
      route: 'chat',
      status: 'OK',
      model: 'local-extractive',
      question: 'How do I use my own Postgres database?',
    });
    expect(log.tokensIn).toBeGreaterThan(0);
    expect(log.tokensOut).toBeGreaterThan(0);
    expect(log.latencyMs).toBeGreaterThanOrEqual(0);
    expect(log.ttftMs).not.toBeNull();
    expect(log.answer).toBe(answer);
    expect(log.userId).toBe(user.id);
    // The finish chunk tells the chat which row to attach feedback to.
    const finish = chunks.find((c) => c.type === 'finish') as { messageMetadata?: { queryLogId?: string } };
    expect(finish.messageMetadata?.queryLogId).toBe(log.id);
    // The same outcome is counted for Prometheus.
    expect(await answered()).toBe(answeredBefore + 1);
    expect(await tokens()).toBe(tokensBefore + log.tokensOut);
  });

  it('still records a row when the reader stops the answer midway', async () => {
    const controller = new AbortController();
    const response = chatResponse(
      await ask({
        question: 'What does the app do with DATABASE_URL on start?',
        requestId: 'req-pipeline-abort',
        user,
        route: 'chat',
        abortSignal: controller.signal,
      }),
    );
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel().catch(() => {});
    await expect
      .poll(() => db().queryLog.findFirst({ where: { requestId: 'req-pipeline-abort' } }), { timeout: 5_000 })
      .toMatchObject({ status: 'ERROR', errorCode: 'client_aborted' });
  });
});
