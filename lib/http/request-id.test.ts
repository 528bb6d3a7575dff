import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

describe('request ids', () => {
  it('keeps a well-formed upstream id and replaces a malformed one', () => {
    expect(requestIdFrom(new Headers({ 'x-request-id': 'abc-12345678' }))).toBe('abc-12345678');
    const made = requestIdFrom(new Headers({ 'x-request-id': 'bad id <script>' }));
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });
});
