import { describe, expect, it } from 'vitest';
import { formatRetryAfter, parseRetryAfter } from './retry-after';

describe('Retry-After', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });

  it('reads an HTTP date as the seconds until then, never negative', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:29:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-5')).toBeUndefined();
  });

  it('says the wait in words', () => {
    expect(formatRetryAfter(0)).toBe('now');
    expect(formatRetryAfter(1)).toBe('in 1 second');
    expect(formatRetryAfter(45)).toBe('in 45 seconds');
    expect(formatRetryAfter(60)).toBe('in 1 minute');
    expect(formatRetryAfter(61)).toBe('in 2 minutes');
    expect(formatRetryAfter(3 * 3600)).toBe('in about 3 hours');
  });
});
