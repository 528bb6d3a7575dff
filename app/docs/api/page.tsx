// /docs/api: the API reference for programs, rendered from the OpenAPI document, with a try-it console.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiReference } from '@/components/docs/api-reference';
import { OPENAPI_PATH } from '@/lib/api/openapi';

export const metadata: Metadata = { title: 'API reference' };
// Rendered per request, like every page: Next.js puts the CSP nonce (proxy.ts) on its scripts only while
// rendering, and a page prerendered at build time would carry none, so Swagger UI would never load.
export const dynamic = 'force-dynamic';

export default function ApiDocsPage() {
  return (
    <div className="min-h-dvh bg-neutral-50 dark:bg-neutral-950">
      <header className="border-b border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
          <span className="font-semibold tracking-tight">Ask the docs · API</span>
          <Link
            href="/"
            className="ml-auto rounded-md px-2.5 py-1.5 text-sm text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-neutral-100"
          >
            ← Back to the app
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
        <div
          data-testid="api-docs-intro"
          className="mt-3 max-w-3xl space-y-2 text-sm leading-6 text-neutral-700 dark:text-neutral-300"
        >
          <p>
            Programs get the same answers as the chat, with their sources, through <code>/api/v1</code>. Send
            an API key as <code>Authorization: Bearer rag_…</code>: create one under{' '}
            <Link href="/settings/keys" className="font-medium underline underline-offset-2">
              Settings → API keys
            </Link>
            , or on the server with{' '}
            <code>npm run apikey:create -- --email you@example.com --scopes query</code>.
          </p>
          <p>
            To try a request below, choose <strong>Authorize</strong> and paste your key; while you are signed
            in to the app in this browser, requests without a key use your session. The document itself is at{' '}
            <a href={OPENAPI_PATH} className="font-medium underline underline-offset-2">
              {OPENAPI_PATH}
            </a>
            .
          </p>
        </div>
        <div className="mt-6">
          <ApiReference specUrl={OPENAPI_PATH} />
        </div>
      </main>
    </div>
  );
}
