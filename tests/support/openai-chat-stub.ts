// A local server speaking OpenAI's chat-completions wire format (streamed, as @ai-sdk/openai asks),
// scripted per model: answer, fail with a status (and Retry-After), stall before or after the first
// token. Lets the real provider client run against failures a real provider has.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashEmbed } from '../../lib/ai/local/hash-embedding';

export type StubStep =
  | { kind: 'answer'; pieces?: string[]; usage?: boolean; delayMs?: number }
  | { kind: 'fail'; status: number; retryAfter?: string }
  /** Sends headers, then nothing (before the first token) for `ms`. */
  | { kind: 'stall'; ms: number }
  /** Sends one token, then nothing until the client goes away. */
  | { kind: 'hang-after-first' };

export type ChatStub = {
  baseURL: string;
  /** Steps for a model, used in order; when they run out, `fallback` applies (default: answer). */
  script(model: string, steps: StubStep[], fallback?: StubStep): void;
  /** Requests per model so far. */
  calls(model: string): number;
  /** The JSON body of the latest chat request to a model. */
  lastRequest(model: string): Record<string, unknown> | undefined;
  /** Streams the client closed before they ended. */
  closedEarly(): number;
  /**
   * Random faults for every model without a script: this share of calls fails (500 or 429 with
   * Retry-After: 0, alternately), and each answer waits up to `maxLatencyMs` before its first token.
   */
  faults(settings: { failureRate: number; maxLatencyMs: number } | null): void;
  reset(): void;
  close(): Promise<void>;
};

export async function startChatStub(): Promise<ChatStub> {
  const scripts = new Map<string, { steps: StubStep[]; fallback: StubStep }>();
  const counts = new Map<string, number>();
  const lastRequests = new Map<string, Record<string, unknown>>();
  let closedEarly = 0;
  let faults: { failureRate: number; maxLatencyMs: number } | null = null;
  let faultCount = 0;

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/embeddings') {
        // Embeddings as the built-in model makes them, so retrieval works against this server too.
        const {
          input,
          dimensions = 384,
          model,
        } = JSON.parse(raw) as {
          input: string[];
          dimensions?: number;
          model: string;
        };
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(
          JSON.stringify({
            object: 'list',
            data: input.map((text, index) => ({
              object: 'embedding',
              index,
              embedding: hashEmbed(text, dimensions),
            })),
            model,
            usage: { prompt_tokens: input.length, total_tokens: input.length },
          }),
        );
      }
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      const body = JSON.parse(raw) as { model: string };
      counts.set(body.model, (counts.get(body.model) ?? 0) + 1);
      lastRequests.set(body.model, body);
      const script = scripts.get(body.model);
      let step: StubStep = script?.steps.shift() ?? script?.fallback ?? { kind: 'answer' };
      if (!script && faults) {
        if (Math.random() < faults.failureRate) {
          faultCount += 1;
          step =
            faultCount % 2 ? { kind: 'fail', status: 500 } : { kind: 'fail', status: 429, retryAfter: '0' };
        } else step = { kind: 'answer', delayMs: Math.random() * faults.maxLatencyMs };
      }

      if (step.kind === 'fail') {
        res.writeHead(step.status, {
          'content-type': 'application/json',
          ...(step.retryAfter !== undefined && { 'retry-after': step.retryAfter }),
        });
        return void res.end(
          JSON.stringify({ error: { message: `stub ${step.status}`, type: 'server_error' } }),
        );
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let ended = false;
      res.on('close', () => {
        if (!ended) closedEarly += 1;
      });
      const chunk = (delta: object, finish: string | null, usage?: object) =>
        `data: ${JSON.stringify({
          id: 'chatcmpl-stub',
          object: 'chat.completion.chunk',
          created: 1_700_000_000,
          model: body.model,
          choices: [{ index: 0, delta, finish_reason: finish }],
          ...(usage ? { usage } : {}),
        })}\n\n`;
      res.write(chunk({ role: 'assistant', content: '' }, null));
      if (step.kind === 'stall') {
        setTimeout(() => {
          ended = true;
          res.end();
        }, step.ms).unref();
        return;
      }
      if (step.kind === 'hang-after-first') {
        res.write(chunk({ content: 'The ' }, null));
        return;
      }
      const pieces = step.pieces ?? ['Answer ', `from ${body.model} `, '[1].'];
      const send = async () => {
        for (const piece of pieces) {
          if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
          if (res.destroyed) return;
          res.write(chunk({ content: piece }, null));
        }
        const usage =
          step.usage === false
            ? undefined
            : { prompt_tokens: 120, completion_tokens: pieces.length, total_tokens: 120 + pieces.length };
        res.write(chunk({}, 'stop', usage));
        ended = true;
        res.end('data: [DONE]\n\n');
      };
      void send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    script(model, steps, fallback = { kind: 'answer' }) {
      scripts.set(model, { steps: [...steps], fallback });
    },
    calls: (model) => counts.get(model) ?? 0,
    lastRequest: (model) => lastRequests.get(model),
    closedEarly: () => closedEarly,
    faults(settings) {
      faults = settings;
    },
    reset() {
      scripts.clear();
      counts.clear();
      lastRequests.clear();
      closedEarly = 0;
      faults = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
