// [SECURITY][HEADERS] Every response carries the security headers; pages run under a nonce CSP with no
// violation; a mutation from another site with the session cookie is refused.
import { expect, test, type Page } from '@playwright/test';
import { ApiDocsPage } from '../docs/api-docs-page';
import { ChatPage } from '../pages/chat-page';
import { LoginPage, demo } from '../pages/login-page';

/** Collects CSP violations, from the page's own event and from the console, from the first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

const nonceOf = (policy: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? '')?.[1];

test('[SECURITY][HEADERS]: the chat page has a nonce CSP, its scripts carry the nonce, and nothing is blocked', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await new LoginPage(page).signInAs(demo.user);
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const policy = headers['content-security-policy'];
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  const nonce = nonceOf(policy);
  expect(nonce).toBeTruthy();
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  });
  expect(headers['permissions-policy']).toContain('camera=()');

  // Every script tag of the server-rendered HTML carries this response's nonce.
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // In the DOM (where the browser hides the nonce attribute but keeps the property), the server's
  // scripts keep it; chunks the runtime adds later have none and run through 'strict-dynamic'.
  const domNonces = await page
    .locator('script')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce).filter(Boolean));
  expect(domNonces.length).toBeGreaterThan(0);
  expect(new Set(domNonces)).toEqual(new Set([nonce]));

  // The app ran: the client components hydrated under the policy.
  await expect(new ChatPage(page).input()).toBeEditable();
  expect(await violations()).toEqual([]);

  // A second response gets a fresh nonce.
  const again = await page.request.get('/');
  expect(nonceOf(again.headers()['content-security-policy'])).not.toBe(nonce);
});

test('[SECURITY][HEADERS]: the API reference (Swagger UI) loads under the CSP without a violation', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const docs = new ApiDocsPage(page);
  await docs.goto();
  await expect(docs.specTitle()).toContainText('Ask the docs API');
  await expect(docs.operation('POST', '/api/v1/query')).toContainText('Ask a question');
  expect(await violations()).toEqual([]);
});

test('[SECURITY][HEADERS]: API responses and static files carry nosniff, the referrer policy and no-framing', async ({
  request,
}) => {
  const api = await request.get('/api/health');
  expect(api.headers()).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  });
  // JSON loads and runs nothing: the fixed API policy, not a page's nonce policy; next-auth's own
  // endpoints, which the route wrapper does not serve, too.
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  const csrf = await request.get('/api/auth/csrf');
  expect(csrf.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");

  // Static files skip the proxy; next.config.js gives them the same fixed headers.
  const login = await (await request.get('/login')).text();
  const asset = /<script[^>]+src="(\/_next\/static\/[^"]+)"/.exec(login)?.[1];
  expect(asset).toBeTruthy();
  const file = await request.get(asset!);
  expect(file.status()).toBe(200);
  expect(file.headers()).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  });
});

test('[SECURITY][CSRF]: a cross-site POST with the session cookie is refused with 403, a same-origin one is not', async ({
  page,
  baseURL,
}) => {
  await new LoginPage(page).signInAs(demo.user);
  const question = {
    trigger: 'submit-message',
    id: 'csrf-probe',
    message: { id: 'm1', role: 'user', parts: [{ type: 'text', text: '   ' }] },
  };
  // page.request sends the signed-in browser context's cookies.
  const forged = await page.request.post('/api/chat', {
    headers: { origin: 'https://evil.example' },
    data: question,
  });
  expect(forged.status()).toBe(403);
  const body = await forged.json();
  expect(body).toMatchObject({ error: { code: 'forbidden', message: 'Cross-site request refused.' } });
  expect(body.error.requestId).toBe(forged.headers()['x-request-id']);

  const forgedByFetchMetadata = await page.request.delete('/api/conversations/csrf-probe', {
    headers: { 'sec-fetch-site': 'cross-site' },
  });
  expect(forgedByFetchMetadata.status()).toBe(403);

  // From the app's own origin, the same (blank) question reaches validation instead.
  const own = await page.request.post('/api/chat', { headers: { origin: baseURL! }, data: question });
  expect(own.status()).toBe(400);
});
