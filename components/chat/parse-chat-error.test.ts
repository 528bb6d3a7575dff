import { describe, expect, it } from 'vitest';
import { parseChatError } from './parse-chat-error';

// What useChat hands over: the transport's APICallError, message = response body, statusCode = status.
const apiError = (statusCode: number, body: string) => Object.assign(new Error(body), { statusCode });
const errorBody = (code: string, message: string) =>
  JSON.stringify({ error: { code, message, requestId: 'req-1' } });

describe('chat error messages', () => {
  it('says "Service unavailable" with the server message for a 503', () => {
    const view = parseChatError(
      apiError(503, errorBody('service_unavailable', 'The service is temporarily unavailable.')),
    );
    expect(view).toEqual({
      title: 'Service unavailable',
      message: 'The service is temporarily unavailable.',
      requestId: 'req-1',
      signInAgain: false,
    });
  });

  it('shows the validation message of a 400', () => {
    const view = parseChatError(apiError(400, errorBody('validation_failed', 'Question must not be empty.')));
    expect(view.title).toBe('Your question could not be answered');
    expect(view.message).toBe('Question must not be empty.');
  });

  it('asks to sign in again on a 401', () => {
    expect(parseChatError(apiError(401, errorBody('unauthorized', 'Sign in to continue.'))).signInAgain).toBe(
      true,
    );
  });

  it('never shows an HTML error page or a stack trace', () => {
    const view = parseChatError(apiError(502, '<html><body>Bad gateway</body></html>'));
    expect(view.message).not.toContain('<html>');
    const stack = parseChatError(new Error('TypeError: x is undefined\n    at foo (bar.js:1:2)'));
    expect(stack.message).not.toContain('at foo');
  });
});
