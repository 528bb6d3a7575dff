import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors';
import { route } from './handler';

const echo = route(
  { body: z.object({ question: z.string().min(1, 'must not be empty') }) },
  async ({ body, requestId }) => Response.json({ question: body.question, requestId }),
);

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/test', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('route wrapper (lib/http/handler)', () => {
  it('parses the body and passes the request id through to the handler and the response', async () => {
    const response = await echo(post('{"question":"hi"}', { 'x-request-id': 'req-abcdefgh' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-abcdefgh');
    expect(await response.json()).toEqual({ question: 'hi', requestId: 'req-abcdefgh' });
  });

  it('answers invalid JSON, an empty body and a failed schema with 400 in the one error shape', async () => {
    for (const [body, message] of [
      ['{nope', 'Request body is not valid JSON.'],
      ['', 'Request body must be JSON.'],
      ['{"question":""}', 'question: must not be empty'],
    ] as const) {
      const response = await echo(post(body));
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(json.error.message).toBe(message);
      expect(json.error.requestId).toBe(response.headers.get('x-request-id'));
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const small = route({ body: z.object({}).loose(), maxBodyBytes: 10 }, async () => new Response('ok'));
    const response = await small(post(JSON.stringify({ text: 'x'.repeat(100) })));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
  });

  it('maps thrown errors: own errors keep their status, anything else is a 500 without internals', async () => {
    const notFound = route({}, async () => {
      throw new AppError('not_found', 'No such document.');
    });
    expect((await notFound(new Request('http://localhost/x'))).status).toBe(404);
    const broken = route({}, async () => {
      throw new Error('password=hunter2 at db.ts:12');
    });
    const response = await broken(new Request('http://localhost/x'));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('hunter2');
  });
});
