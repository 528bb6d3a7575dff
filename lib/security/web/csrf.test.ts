import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/http/errors';
import { assertSameOrigin, requestProvenance } from './csrf';

vi.mock('@/lib/env', () => ({ env: () => ({ AUTH_URL: 'https://rag.example.com/' }) }));

const request = (
  method: string,
  headers: Record<string, string> = {},
  url = 'http://localhost:3000/api/chat',
) => new Request(url, { method, headers: { cookie: 'next-auth.session-token=abc', ...headers } });

function refusal(req: Request): AppError | undefined {
  try {
    assertSameOrigin(req);
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('assertSameOrigin (lib/security/web/csrf)', () => {
  it("passes a cookie POST whose Origin is the request's own, its Host's or AUTH_URL's", () => {
    expect(refusal(request('POST', { origin: 'http://localhost:3000' }))).toBeUndefined();
    // Behind a proxy that rewrites the URL but keeps the Host header.
    expect(
      refusal(
        request('POST', { origin: 'http://rag.internal', host: 'rag.internal' }, 'http://10.0.0.5:3000/x'),
      ),
    ).toBeUndefined();
    // TLS ends at the load balancer: the app sees http, the browser says https; AUTH_URL names it.
    expect(refusal(request('DELETE', { origin: 'https://rag.example.com' }))).toBeUndefined();
  });

  it('refuses a cross-site cookie POST, PUT, PATCH or DELETE with 403 forbidden', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const error = refusal(request(method, { origin: 'https://evil.example' }));
      expect(error, method).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'forbidden', status: 403, message: 'Cross-site request refused.' });
    }
    // Same host, other scheme or port: another origin.
    expect(refusal(request('POST', { origin: 'https://localhost:3000' }))?.code).toBe('forbidden');
    expect(refusal(request('POST', { origin: 'http://localhost:3001' }))?.code).toBe('forbidden');
    // An opaque origin (sandboxed frame, data: URL).
    expect(refusal(request('POST', { origin: 'null' }))?.code).toBe('forbidden');
  });

  it('without Origin, goes by Sec-Fetch-Site: cross-site and same-site refused, same-origin and none pass', () => {
    expect(refusal(request('POST', { 'sec-fetch-site': 'cross-site' }))?.code).toBe('forbidden');
    expect(refusal(request('POST', { 'sec-fetch-site': 'same-site' }))?.code).toBe('forbidden');
    expect(refusal(request('POST', { 'sec-fetch-site': 'same-origin' }))).toBeUndefined();
    expect(refusal(request('POST', { 'sec-fetch-site': 'none' }))).toBeUndefined();
  });

  it('without Origin and Sec-Fetch-Site, goes by the Referer', () => {
    expect(refusal(request('POST', { referer: 'http://localhost:3000/c/1?x=y' }))).toBeUndefined();
    expect(refusal(request('POST', { referer: 'https://evil.example/page' }))?.code).toBe('forbidden');
    expect(refusal(request('POST', { referer: 'not a url' }))?.code).toBe('forbidden');
  });

  it('exempts requests with an Authorization header (API keys), whatever their origin', () => {
    const bearer = request('POST', { authorization: 'Bearer rag_x', origin: 'https://evil.example' });
    expect(refusal(bearer)).toBeUndefined();
  });

  it('exempts GET, HEAD and OPTIONS, which change nothing', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(refusal(request(method, { origin: 'https://evil.example' })), method).toBeUndefined();
  });

  it('passes a request with no provenance headers at all: not a browser, so no ambient cookie to abuse', () => {
    expect(requestProvenance(request('POST'))).toBe('unknown');
    expect(refusal(request('POST'))).toBeUndefined();
  });
});
