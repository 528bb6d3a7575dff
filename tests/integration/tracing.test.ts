// [TRACING] One chat request through the real route handler is one trace: the request span, rag.ask
// under it, and a span per pipeline stage under that, with model, tokens and cache attributes; the
// query-log row carries the trace id.
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { POST as chat } from '../../app/api/chat/route';
import { getSessionUser } from '../../lib/auth/session';
import { db } from '../../lib/db/client';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { ingestFile } from '../../lib/ingest/pipeline';
import { startTracing } from '../../lib/observability/tracing';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: vi.fn() }));

const guide = `# Backups

## Restoring a backup

Stop the app, restore the dump with pg_restore into an empty database, then start the app again.
`;

describe(`[TRACING] span tree of a chat request on ${inject('database')}`, () => {
  const exporter = new InMemorySpanExporter();
  let stop: () => Promise<void>;
  let user: SessionUser;

  beforeAll(async () => {
    stop = startTracing({ serviceName: 'rag-test', processors: [new SimpleSpanProcessor({ exporter })] });
    user = await upsertUser({ email: 'tracing@example.test', role: 'USER', passwordHash: 'x' });
    vi.mocked(getSessionUser).mockResolvedValue(user);
    await ingestFile({
      fileName: 'backups.md',
      source: 'tracing/backups.md',
      bytes: new TextEncoder().encode(guide),
    });
  });

  afterAll(() => stop());

  it('nests every pipeline stage under rag.ask under the request span, and links the query log', async () => {
    exporter.reset();
    const response = await chat(
      new Request('http://localhost/api/chat', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'http://localhost',
          'x-request-id': 'req-tracing-1',
        },
        body: JSON.stringify({
          trigger: 'submit-message',
          id: 'tracing-conversation-1',
          message: { role: 'user', parts: [{ type: 'text', text: 'How do I restore a backup 4711?' }] },
        }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    await response.text();
    await expect.poll(() => exporter.getFinishedSpans().some((s) => s.name === 'rag.record')).toBe(true);

    const spans = exporter.getFinishedSpans();
    const byName = (name: string) => spans.find((s) => s.name === name) as ReadableSpan;
    const root = byName('POST /api/chat');
    expect(root).toBeDefined();
    expect(root.attributes).toMatchObject({ 'http.route': '/api/chat', 'http.response.status_code': 200 });
    const traceId = root.spanContext().traceId;
    expect(spans.every((s) => s.spanContext().traceId === traceId)).toBe(true);

    const askSpan = byName('rag.ask');
    expect(askSpan.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    for (const stage of ['rag.guard', 'rag.cache', 'rag.retrieve', 'rag.route', 'rag.generate', 'rag.record'])
      expect(byName(stage)?.parentSpanContext?.spanId, stage).toBe(askSpan.spanContext().spanId);

    expect(byName('rag.cache').attributes['rag.cache_hit']).toBe(false);
    expect(byName('rag.retrieve').attributes['rag.passages']).toBeGreaterThan(0);
    expect(byName('rag.generate').attributes).toMatchObject({
      'rag.model': 'local-extractive',
      'rag.degraded': false,
    });
    expect(byName('rag.generate').attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);

    const row = await db().queryLog.findFirstOrThrow({ where: { requestId: 'req-tracing-1' } });
    expect(row.traceId).toBe(traceId);
  });
});
