import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embed, embedMany, streamText } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { createModels } from './models';

type Recorded = { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

/** A minimal OpenAI wire-format server: streamed chat completions and embeddings. */
function startStub() {
  const requests: Recorded[] = [];
  let embeddingSize: number | undefined;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push({ path: req.url ?? '', headers: req.headers, body });

      if (req.method === 'POST' && req.url === '/v1/chat/completions') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const chunk = (delta: object, finish: string | null, usage?: object) =>
          `data: ${JSON.stringify({
            id: 'chatcmpl-1',
            object: 'chat.completion.chunk',
            created: 1_700_000_000,
            model: body.model,
            choices: [{ index: 0, delta, finish_reason: finish }],
            ...(usage ? { usage } : {}),
          })}\n\n`;
        res.write(chunk({ role: 'assistant', content: '' }, null));
        for (const piece of ['Port ', '3000 ', '[1]']) res.write(chunk({ content: piece }, null));
        res.write(chunk({}, 'stop', { prompt_tokens: 42, completion_tokens: 3, total_tokens: 45 }));
        res.end('data: [DONE]\n\n');
        return;
      }
      if (req.method === 'POST' && req.url === '/v1/embeddings') {
        const input = body.input as string[];
        const size = embeddingSize ?? (body.dimensions as number | undefined) ?? 1536;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            data: input.map((_, index) => ({
              object: 'embedding',
              index,
              embedding: Array.from({ length: size }, (_, i) => (i === index % size ? 1 : 0)),
            })),
            model: body.model,
            usage: { prompt_tokens: 7 * input.length, total_tokens: 7 * input.length },
          }),
        );
        return;
      }
      res.writeHead(404).end();
    });
  });
  return {
    server,
    requests,
    /** Make the stub ignore the requested size, like a server without custom dimensions. */
    forceEmbeddingSize(size: number | undefined) {
      embeddingSize = size;
    },
  };
}

describe('createModels with the local models', () => {
  it('uses the built-in models when neither key nor base URL is set', () => {
    const models = createModels(parseEnv({ EMBEDDING_DIMENSIONS: '256' }));
    expect(models.chat).toMatchObject({ id: 'local-extractive', local: true });
    expect(models.chat.model.provider).toBe('local');
    expect(models.embedding).toMatchObject({ id: 'local-hash-v2-256', dimensions: 256, local: true });
  });

  it('gives working models', async () => {
    const models = createModels(parseEnv({}));
    const { embedding } = await embed({ model: models.embedding.model, value: 'hello world' });
    expect(embedding).toHaveLength(384);
  });
});

describe('createModels with an OpenAI-compatible server', () => {
  const stub = startStub();
  let baseURL = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => (stub.server as Server).close(() => resolve())));
  beforeEach(() => {
    stub.requests.length = 0;
    stub.forceEmbeddingSize(undefined);
  });

  const modelsFor = (extra: Record<string, string> = {}) =>
    createModels(
      parseEnv({
        OPENAI_BASE_URL: baseURL,
        OPENAI_API_KEY: 'test',
        OPENAI_CHAT_MODEL: 'stub-chat',
        OPENAI_EMBEDDING_MODEL: 'stub-embed',
        EMBEDDING_DIMENSIONS: '64',
        ...extra,
      }),
    );

  it('describes the remote models', () => {
    const models = modelsFor();
    expect(models.chat).toMatchObject({ id: 'stub-chat', local: false });
    expect(models.embedding).toMatchObject({ id: 'stub-embed', dimensions: 64, local: false });
  });

  it('streams a chat completion over the Chat Completions API with the bearer key', async () => {
    const models = modelsFor();
    const result = streamText({ model: models.chat.model, instructions: 'Be brief.', prompt: 'Which port?' });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('Port 3000 [1]');
    expect(deltas.length).toBeGreaterThan(1);
    expect(await result.usage).toMatchObject({ inputTokens: 42, outputTokens: 3 });

    const [request] = stub.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer test');
    expect(request?.body).toMatchObject({
      model: 'stub-chat',
      stream: true,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Which port?' },
      ],
    });
  });

  it('always requests the configured embedding dimensions', async () => {
    const models = modelsFor();
    const { embedding, usage } = await embed({ model: models.embedding.model, value: 'hello' });
    expect(embedding).toHaveLength(64);
    expect(usage.tokens).toBe(7);
    const many = await embedMany({ model: models.embedding.model, values: ['a', 'b', 'c'] });
    expect(many.embeddings).toHaveLength(3);

    expect(stub.requests).toHaveLength(2);
    for (const request of stub.requests) {
      expect(request.path).toBe('/v1/embeddings');
      expect(request.headers.authorization).toBe('Bearer test');
      expect(request.body).toMatchObject({ model: 'stub-embed', dimensions: 64 });
    }
    expect(stub.requests[1]?.body.input).toEqual(['a', 'b', 'c']);
  });

  it('fails clearly when the server returns another size', async () => {
    stub.forceEmbeddingSize(768);
    const models = modelsFor();
    await expect(embed({ model: models.embedding.model, value: 'hello', maxRetries: 0 })).rejects.toThrow(
      /returned 768 dimensions but EMBEDDING_DIMENSIONS is 64/,
    );
  });

  it('works with a base URL alone, as for Ollama', async () => {
    const models = createModels(parseEnv({ OPENAI_BASE_URL: baseURL, EMBEDDING_DIMENSIONS: '64' }));
    expect(models.chat.local).toBe(false);
    await embed({ model: models.embedding.model, value: 'hello' });
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer not-needed');
    expect(stub.requests[0]?.body).toMatchObject({ model: 'text-embedding-3-small', dimensions: 64 });
  });
});
