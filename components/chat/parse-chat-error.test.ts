import { describe, expect, it } from 'vitest';
import { AnswerInterruptedError, ChatRequestError } from './chat-transport';
import { parseChatError } from './parse-chat-error';

const errorBody = (code: string, message: string) =>
  JSON.stringify({ error: { code, message, requestId: 'req-1' } });
const refused = (status: number, body: string, retryAfter?: number) =>
  new ChatRequestError(status, body, retryAfter);

describe('chat error messages', () => {
  it('says "Service unavailable" with the server message for a 503', () => {
    const view = parseChatError(
      refused(503, errorBody('service_unavailable', 'The service is temporarily unavailable.')),
    );
    expect(view).toEqual({
      kind: 'unavailable',
      title: 'Service unavailable',
      message: 'The service is temporarily unavailable.',
      requestId: 'req-1',
    });
  });

  it('tells a paused service (the kill switch) apart from an unavailable one', () => {
    const view = parseChatError(refused(503, errorBody('service_paused', 'Answers are paused by an admin.')));
    expect(view.kind).toBe('paused');
    expect(view.message).toBe('Answers are paused by an admin.');
  });

  it('keeps when to retry from Retry-After for a 429', () => {
    const view = parseChatError(refused(429, errorBody('rate_limited', 'Too many requests.'), 42));
    expect(view).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 42, requestId: 'req-1' });
  });

  it('says a spent daily budget is one, with the server message and when it resets', () => {
    const message = 'Your daily budget is used up (200,000 of 200,000 tokens today).';
    const view = parseChatError(refused(429, errorBody('budget_exceeded', message), 3600));
    expect(view).toMatchObject({ kind: 'rate-limited', title: 'Daily budget used up', message });
    expect(view.retryAfterSeconds).toBe(3600);
  });

  it('shows the validation message of a 400', () => {
    const view = parseChatError(refused(400, errorBody('validation_failed', 'Question must not be empty.')));
    expect(view.kind).toBe('invalid');
    expect(view.title).toBe('Your question could not be answered');
    expect(view.message).toBe('Question must not be empty.');
  });

  it('asks to sign in again on a 401', () => {
    expect(parseChatError(refused(401, errorBody('unauthorized', 'Sign in to continue.'))).kind).toBe(
      'signed-out',
    );
  });

  it('says an answer that broke off was cut off, with the reason', () => {
    const dropped = parseChatError(new AnswerInterruptedError(), { partialAnswer: true });
    expect(dropped.kind).toBe('interrupted');
    expect(dropped.message).toMatch(/connection was lost/);
    const network = parseChatError(new TypeError('network error'), { partialAnswer: true });
    expect(network.message).toMatch(/connection was lost/);
    const server = parseChatError(new Error('The answer could not be completed. Please try again.'), {
      partialAnswer: true,
    });
    expect(server.message).toBe('The answer could not be completed. Please try again.');
  });

  it('says the server could not be reached when nothing arrived', () => {
    expect(parseChatError(new TypeError('Failed to fetch')).kind).toBe('offline');
  });

  it('never shows an HTML error page or a stack trace', () => {
    const view = parseChatError(refused(502, '<html><body>Bad gateway</body></html>'));
    expect(view.message).not.toContain('<html>');
    const stack = parseChatError(new Error('TypeError: x is undefined\n    at foo (bar.js:1:2)'));
    expect(stack.message).not.toContain('at foo');
  });
});
