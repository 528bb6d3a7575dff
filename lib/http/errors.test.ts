import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, errorBody, isDatabaseUnavailable, toAppError } from './errors';

describe('error mapping (lib/http/errors)', () => {
  it('keeps an AppError with its status', () => {
    const error = toAppError(new AppError('forbidden', 'No.'));
    expect(error.status).toBe(403);
    expect(errorBody(error, 'req-1')).toEqual({
      error: { code: 'forbidden', message: 'No.', requestId: 'req-1' },
    });
  });

  it('turns zod errors into a readable 400', () => {
    const result = z.object({ question: z.string().min(1, 'must not be empty') }).safeParse({ question: '' });
    const error = toAppError(result.error);
    expect(error.status).toBe(400);
    expect(error.message).toBe('question: must not be empty');
  });

  it('hides unknown errors behind a generic 500', () => {
    const error = toAppError(new TypeError('secret internals at /srv/app.js:12'));
    expect(error.status).toBe(500);
    expect(error.message).not.toContain('internals');
  });

  it('recognises an unreachable database anywhere in the cause chain as 503', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('query failed', { cause: refused }))).toBe(true);
    expect(toAppError(new Error('wrapped', { cause: refused })).status).toBe(503);
    expect(isDatabaseUnavailable(new Error('syntax error at or near'))).toBe(false);
  });
});
