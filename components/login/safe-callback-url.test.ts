import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('where sign-in sends you next', () => {
  it('keeps paths on this site, including their query', () => {
    expect(safeCallbackUrl('/admin')).toBe('/admin');
    expect(safeCallbackUrl('/admin?tab=queries')).toBe('/admin?tab=queries');
    expect(safeCallbackUrl('http://localhost:3000/admin')).toBe('/admin');
  });

  it('never sends anyone to another site (open redirect)', () => {
    for (const hostile of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      'evil.example',
    ]) {
      const target = safeCallbackUrl(hostile);
      expect(target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')).toBe(true);
      expect(target).not.toContain('evil.example');
    }
  });

  it('falls back to the chat for nothing, or for the sign-in page itself', () => {
    expect(safeCallbackUrl(undefined)).toBe('/');
    expect(safeCallbackUrl('/login?callbackUrl=/admin')).toBe('/');
    expect(safeCallbackUrl(['/admin', '/other'])).toBe('/admin');
  });
});
