// Warms the dev server: `next dev` compiles each route on its first request, which can take many
// seconds on a small machine. Compiling them once here keeps the tests' own timeouts honest.
import type { FullConfig } from '@playwright/test';

const routes = [
  '/login',
  '/api/auth/csrf',
  '/api/auth/providers',
  '/api/auth/session',
  '/',
  '/admin',
  '/no-such-page',
  '/api/health',
];

export default async function warmUp(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) return;
  for (const route of routes) {
    await fetch(new URL(route, baseURL), { redirect: 'manual', signal: AbortSignal.timeout(120_000) }).then(
      (r) => r.arrayBuffer(),
    );
  }
}
