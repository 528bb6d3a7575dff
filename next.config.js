// Next.js configuration: standalone output for the Docker image; database and model packages stay
// outside the server bundle because they load Wasm or native files at run time.
// Empty values count as unset (lib/env.ts), but @ai-sdk/openai reads OPENAI_BASE_URL at import time and
// rejects "" (e.g. from a .env copied from .env.example), so drop empty variables before routes load.
for (const [key, value] of Object.entries(process.env)) {
  if (value === '') delete process.env[key];
}

// The fixed security headers, for every path: proxy.ts sets them again (with the CSP and its nonce) on
// pages, but never runs for static files or API routes. API routes get a fixed CSP from the route
// wrapper (lib/http/handler.ts), next-auth's own endpoints, which it does not wrap, from here. Keep
// equal to baselineSecurityHeaders() and API_CONTENT_SECURITY_POLICY in lib/security/web/headers.ts
// (this file cannot import TypeScript); headers.test.ts compares them.
const deniedFeatures = [
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
];
function securityHeaders() {
  const production = process.env.NODE_ENV === 'production';
  return {
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': deniedFeatures.map((feature) => `${feature}=()`).join(', '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    ...(production ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  // A separate build folder lets the e2e suite run its own dev server beside a developer's `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // forbidden() in pages answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  async headers() {
    const headers = Object.entries(securityHeaders()).map(([key, value]) => ({ key, value }));
    return [
      { source: '/:path*', headers },
      {
        source: '/api/auth/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
  serverExternalPackages: [
    'pino',
    'pg',
    '@prisma/client',
    '@prisma/adapter-pg',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    '@prisma/schema-engine-wasm',
    'pg-boss',
    'unpdf',
    'mammoth',
    // Only lib/ingest/prepare-worker.mjs imports it, and only when run from the TypeScript sources.
    'tsx',
  ],
};

export default nextConfig;
