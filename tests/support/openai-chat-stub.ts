// A local server speaking OpenAI's chat-completions wire format (streamed, as @ai-sdk/openai asks),
// scripted per model: answer, fail with a status (and Retry-After), stall before or after the first
// token. Lets the real provider client run against failures a real provider has.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  /** Streams the client closed before they ended. */
  closedEarly(): number;
  reset(): void;
  close(): Promise<void>;
};

export async function startChatStub(): Promise<ChatStub> {
  const scripts = new Map<string, { steps: StubStep[]; fallback: StubStep }>();
  const counts = new Map<string, number>();
  let closedEarly = 0;

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      const body = JSON.parse(raw) as { model: string };
      counts.set(body.model, (counts.get(body.model) ?? 0) + 1);
      const script = scripts.get(body.model);
      const step: StubStep = script?.steps.shift() ?? script?.fallback ?? { kind: 'answer' };

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
    closedEarly: () => closedEarly,
    reset() {
      scripts.clear();
      counts.clear();
      closedEarly = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
