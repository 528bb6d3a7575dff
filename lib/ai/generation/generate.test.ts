// The generation path against a local server speaking OpenAI's streaming wire format: the real
// @ai-sdk/openai client meets 429s, 500 storms, stalls and a caller who leaves.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';
import { startChatStub, type ChatStub } from '../../../tests/support/openai-chat-stub';
import { createLocalChatModel } from '../local/extractive-model';
import { createModels, type ChatModelInfo } from '../models';
import { buildPrompt } from '@/lib/rag/prompt';
import { generate, GenerationFailedError, type Generation } from './generate';
import { resetBreakers } from './policies';

vi.mock('@/lib/config', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/config')>();
  return {
    ...actual,
    generation: {
      firstTokenTimeoutMs: 300,
      totalTimeoutMs: 10_000,
      retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 3_000 },
      breaker: { consecutiveFailures: 3, halfOpenAfterMs: 400 },
    },
  };
});

const { system, prompt } = buildPrompt({
  question: 'How do I install it?',
  passages: [
    { n: 1, title: 'install.md', headingPath: 'Linux', text: 'Install it with apt install ragctl.' },
  ],
});

let stub: ChatStub;
let small: ChatModelInfo;
let large: ChatModelInfo;
const local = (() => {
  const model = createLocalChatModel();
  return { model, id: model.modelId, local: true, provider: 'local' } satisfies ChatModelInfo;
})();

async function readAll(generation: Generation): Promise<string> {
  let text = '';
  for await (const part of generation.stream) if (part.type === 'text-delta') text += part.text;
  return text;
}

const run = (chain: ChatModelInfo[], options: { lastResort?: boolean; abortSignal?: AbortSignal } = {}) =>
  generate({
    chain,
    lastResort: options.lastResort ? { model: local, prompt } : null,
    system,
    prompt,
    maxOutputTokens: 200,
    temperature: 0,
    abortSignal: options.abortSignal,
  });

describe('generation against an OpenAI-compatible server', () => {
  beforeAll(async () => {
    stub = await startChatStub();
    const models = createModels(
      parseEnv({
        OPENAI_BASE_URL: stub.baseURL,
        OPENAI_CHAT_MODEL: 'model-a',
        OPENAI_CHAT_MODEL_LARGE: 'model-b',
      }),
    );
    small = models.chat;
    large = models.chatLarge;
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    stub.reset();
    resetBreakers();
  });

  it('answers with the routed model and its reported usage', async () => {
    const generation = await run([small, large]);
    expect(await readAll(generation)).toBe('Answer from model-a [1].');
    expect(await generation.done).toMatchObject({
      usage: { inputTokens: 120, outputTokens: 3, counted: false },
    });
    expect(generation.attempts.map((a) => [a.model, a.outcome])).toEqual([['model-a', 'ok']]);
    expect(generation.degraded).toBe(false);
  });

  it('gives the model text only: no tools or functions it could call (OWASP LLM06)', async () => {
    await readAll(await run([small]));
    const request = stub.lastRequest('model-a')!;
    expect(request).toBeDefined();
    for (const field of ['tools', 'tool_choice', 'functions', 'function_call'])
      expect(request, field).not.toHaveProperty(field);
    expect((request.messages as { role: string }[]).map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('counts tokens with the tokenizer when the provider reports no usage', async () => {
    stub.script('model-a', [{ kind: 'answer', usage: false }]);
    const generation = await run([small]);
    await readAll(generation);
    const { usage } = await generation.done;
    expect(usage.counted).toBe(true);
    expect(usage.inputTokens).toBeGreaterThan(50);
    expect(usage.outputTokens).toBeGreaterThan(0);
  });

  it('waits as long as Retry-After asks on a 429, then succeeds on the same model', async () => {
    stub.script('model-a', [{ kind: 'fail', status: 429, retryAfter: '1' }]);
    const started = performance.now();
    const generation = await run([small, large]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(await readAll(generation)).toBe('Answer from model-a [1].');
    expect(generation.attempts.map((a) => a.outcome)).toEqual(['http_429', 'ok']);
    expect(stub.calls('model-a')).toBe(2);
  });

  it('does not retry a 400: it moves to the next model at once', async () => {
    stub.script('model-a', [{ kind: 'fail', status: 400 }]);
    const generation = await run([small, large]);
    expect(await readAll(generation)).toBe('Answer from model-b [1].');
    expect(stub.calls('model-a')).toBe(1);
  });

  it('opens the breaker in a 500 storm, falls back, then probes half-open and recovers', async () => {
    stub.script('model-a', [], { kind: 'fail', status: 500 });
    const first = await run([small, large]);
    expect(await readAll(first)).toBe('Answer from model-b [1].');
    expect(first.attempts.map((a) => `${a.model} ${a.outcome}`)).toEqual([
      'model-a http_500',
      'model-a http_500',
      'model-a http_500',
      'model-b ok',
    ]);

    // Open: model-a is not even called.
    const second = await run([small, large]);
    await readAll(second);
    expect(second.attempts.map((a) => `${a.model} ${a.outcome}`)).toEqual([
      'model-a circuit_open',
      'model-b ok',
    ]);
    expect(stub.calls('model-a')).toBe(3);

    // Half-open after the pause: one probe, which succeeds and closes the circuit.
    await new Promise((resolve) => setTimeout(resolve, 450));
    stub.script('model-a', []);
    const third = await run([small, large]);
    expect(await readAll(third)).toBe('Answer from model-a [1].');
    expect(stub.calls('model-a')).toBe(4);
  });

  it('never opens the breaker for callers who go away before the first token', async () => {
    stub.script('model-a', [], { kind: 'stall', ms: 2_000 });
    // More callers leaving in a row than the breaker's threshold (3 in these tests).
    for (let i = 0; i < 5; i++) {
      const controller = new AbortController();
      const running = run([small, large], { abortSignal: controller.signal });
      setTimeout(() => controller.abort(), 30);
      await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    }
    // Neither retried nor moved down the chain: each caller cost one call of model-a.
    expect(stub.calls('model-a')).toBe(5);
    expect(stub.calls('model-b')).toBe(0);
    stub.script('model-a', []);
    const next = await run([small, large]);
    expect(await readAll(next)).toBe('Answer from model-a [1].');
    expect(next.attempts.map((a) => `${a.model} ${a.outcome}`)).toEqual(['model-a ok']);
  });

  it('abandons a stream that stalls before its first token, and answers degraded when nothing else can', async () => {
    stub.script('model-a', [], { kind: 'stall', ms: 2_000 });
    const generation = await run([small], { lastResort: true });
    expect(generation.degraded).toBe(true);
    expect(generation.model.id).toBe('local-extractive');
    expect(await readAll(generation)).toMatch(/apt install ragctl/);
    expect(generation.attempts.map((a) => a.outcome)).toEqual(['timeout', 'timeout', 'timeout', 'ok']);
  });

  it('fails with every attempt listed when there is no last resort', async () => {
    stub.script('model-a', [], { kind: 'fail', status: 503 });
    const error = await run([small]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect((error as GenerationFailedError).attempts.map((a) => a.outcome)).toEqual([
      'http_503',
      'http_503',
      'http_503',
    ]);
  });

  it('stops the provider stream when the caller goes away mid-answer', async () => {
    stub.script('model-a', [{ kind: 'hang-after-first' }]);
    const controller = new AbortController();
    const generation = await run([small], { abortSignal: controller.signal });
    const reader = generation.stream.getReader();
    let part = await reader.read();
    while (!part.done && part.value.type !== 'text-delta') part = await reader.read();
    expect(part.value).toMatchObject({ type: 'text-delta', text: 'The ' });
    controller.abort();
    await expect(generation.done).rejects.toThrow();
    expect(generation.textSoFar()).toBe('The ');
    await vi.waitFor(() => expect(stub.closedEarly()).toBe(1), { timeout: 2_000 });
  });
});
