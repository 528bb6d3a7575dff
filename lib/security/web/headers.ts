// The security headers of every response: a Content-Security-Policy with a per-request script nonce
// (set by proxy.ts on pages), a fixed one for API routes (set by the route wrapper), and the fixed
// headers that next.config.js puts on every path, static files and API routes included (the proxy
// sees neither).

export type SecurityHeaderOptions = {
  /** Production adds HSTS and upgrade-insecure-requests, and drops the 'unsafe-eval' React dev needs. */
  production: boolean;
};

/** Powerful browser features this app never uses, denied to it and to anything it embeds. */
export const deniedFeatures = [
  'accelerometer',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
] as const;

/** Two years, the value HSTS preload lists ask for; subdomains included, no preload commitment. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** A fresh, unguessable nonce (128 random bits, base64) for one response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** The Content-Security-Policy for one response whose scripts carry `nonce`. */
export function contentSecurityPolicy({
  nonce,
  production,
}: SecurityHeaderOptions & { nonce: string }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Next.js puts the nonce on its own scripts (it reads it from this header on the request);
    // 'strict-dynamic' lets them load their chunks (Swagger UI's bundle included). React needs eval in
    // development only, to rebuild server error stacks in the browser.
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(production ? [] : ["'unsafe-eval'"]),
    ],
    // 'unsafe-inline' for styles: React renders `style` props as style attributes, which no nonce can
    // cover, Swagger UI sets inline styles, and `next dev` injects <style> tags. (A nonce here would
    // switch 'unsafe-inline' off.) Injected CSS cannot run script; scripts stay nonce-only.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Swagger UI's stylesheet draws its icons from data: URLs.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  };
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/** The headers every response gets, static files included (next.config.js sets the same). */
export function baselineSecurityHeaders({ production }: SecurityHeaderOptions): Record<string, string> {
  return {
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': deniedFeatures.map((feature) => `${feature}=()`).join(', '),
    'X-Content-Type-Options': 'nosniff',
    // frame-ancestors 'none' for browsers that predate it.
    'X-Frame-Options': 'DENY',
    // Over plain HTTP (local development) browsers ignore it anyway; sent in production only so a
    // developer's localhost is never pinned to HTTPS.
    ...(production
      ? { 'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` }
      : {}),
  };
}

/**
 * The CSP of API responses that set none of their own (lib/http/handler.ts; next.config.js for
 * next-auth's endpoints): JSON and event streams load nothing and run nothing, so nothing is
 * allowed, and no page may frame them.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Every security header of a page response, the CSP with this response's nonce. */
export function securityHeaders(
  options: SecurityHeaderOptions & { nonce: string },
): Record<string, string> & { 'Content-Security-Policy': string } {
  return { ...baselineSecurityHeaders(options), 'Content-Security-Policy': contentSecurityPolicy(options) };
}
