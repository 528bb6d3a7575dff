// Warms the apps under test: the first request of a page loads its server code, and the first
// question loads the local models (seconds on a small machine). Visiting them once here, signed out
// and signed in, keeps the tests' own timeouts about the behaviour they test.
import type { FullConfig } from '@playwright/test';
import { demo } from './pages/login-page';

const timeout = () => AbortSignal.timeout(180_000);

async function get(url: URL, cookie = ''): Promise<Response> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie }, signal: timeout() });
  await response.arrayBuffer();
  return response;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function signIn(baseURL: string, email: string = demo.user): Promise<string> {
  const csrf = await fetch(new URL('/api/auth/csrf', baseURL), { signal: timeout() });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(new URL('/api/auth/callback/credentials', baseURL), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ csrfToken, email, password: demo.password, json: 'true' }),
    signal: timeout(),
  });
  await response.arrayBuffer();
  return [cookiesOf(csrf), cookiesOf(response)].filter(Boolean).join('; ');
}

async function warm(baseURL: string) {
  for (const route of ['/login', '/api/health', '/api/ready', '/api/auth/providers', '/api/auth/session']) {
    await get(new URL(route, baseURL));
  }
  const cookie = await signIn(baseURL);
  for (const route of ['/', '/admin', '/no-such-page']) await get(new URL(route, baseURL), cookie);
  // The admin pages render their content (and client components) only for an admin.
  const admin = await signIn(baseURL, demo.admin);
  const adminPages = [
    '/admin',
    '/admin/documents',
    '/admin/retrieval?q=warm+up',
    '/admin/flags',
    '/admin/fairness',
  ];
  for (const route of [...adminPages, '/admin/queries', '/admin/gdpr', '/api/v1/documents']) {
    await get(new URL(route, baseURL), admin);
  }
  for (const route of ['/settings/keys', '/docs/api', '/api/v1/openapi.json', '/api/conversations'])
    await get(new URL(route, baseURL), cookie);
  // One question loads the chat route and the models, and the conversation page; the conversation is
  // then deleted, so the tests start with an empty sidebar.
  const chat = await fetch(new URL('/api/chat', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      trigger: 'submit-message',
      id: 'warm-up',
      message: { id: 'm', role: 'user', parts: [{ type: 'text', text: 'warm up' }] },
    }),
    signal: timeout(),
  });
  await chat.arrayBuffer();
  await get(new URL('/c/warm-up', baseURL), cookie);
  const removed = await fetch(new URL('/api/conversations/warm-up', baseURL), {
    method: 'DELETE',
    headers: { cookie },
    signal: timeout(),
  });
  await removed.arrayBuffer();
}

export default async function warmUp(config: FullConfig) {
  const main = config.projects[0]?.use.baseURL;
  if (main) await warm(main);
  if (process.env.OUTAGE_PORT) await warm(`http://localhost:${process.env.OUTAGE_PORT}`);
}
