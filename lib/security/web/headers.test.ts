import path from 'node:path';
import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';
import {
  API_CONTENT_SECURITY_POLICY,
  baselineSecurityHeaders,
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
} from './headers';

const directives = (policy: string) =>
  new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...values] = directive.split(' ');
      return [name, values] as const;
    }),
  );

describe('security headers (lib/security/web/headers)', () => {
  it('makes a fresh base64 nonce of 128 bits each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('allows scripts by nonce and strict-dynamic only, and locks down objects, base, forms and framing', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'abc123==', production: true }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(true);
    // Never inline scripts or eval in production.
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it("adds 'unsafe-eval' (React's dev stacks) only in development, and no HTTPS upgrade for localhost", () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'n', production: false }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('sends HSTS in production only, and the fixed headers always', () => {
    const production = baselineSecurityHeaders({ production: true });
    expect(production).toEqual({
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': expect.stringContaining('camera=(), display-capture=(), geolocation=()'),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    });
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
      expect(production['Permissions-Policy']).toContain(`${feature}=()`);
    expect(baselineSecurityHeaders({ production: false })).not.toHaveProperty('Strict-Transport-Security');
  });

  it('puts the CSP with the nonce next to the fixed headers for pages', () => {
    const headers = securityHeaders({ nonce: 'xyz', production: false });
    expect(headers['Content-Security-Policy']).toContain("'nonce-xyz'");
    expect(headers).toMatchObject(baselineSecurityHeaders({ production: false }));
  });

  it("next.config.js sets the same fixed headers on every path, and the API CSP on next-auth's endpoints (the proxy sees neither)", async () => {
    const file = path.resolve(import.meta.dirname, '../../../next.config.js');
    const { default: config } = (await import(file)) as { default: NextConfig };
    const original = process.env.NODE_ENV;
    try {
      for (const production of [false, true]) {
        (process.env as Record<string, string>).NODE_ENV = production ? 'production' : 'development';
        const rules = await config.headers!();
        expect(rules.map((rule) => rule.source)).toEqual(['/:path*', '/api/auth/:path*']);
        expect(Object.fromEntries(rules[0]!.headers.map(({ key, value }) => [key, value]))).toEqual(
          baselineSecurityHeaders({ production }),
        );
        expect(rules[1]!.headers).toEqual([
          { key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY },
        ]);
      }
    } finally {
      (process.env as Record<string, string | undefined>).NODE_ENV = original;
    }
  });
});
