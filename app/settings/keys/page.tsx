// Settings → API keys: every signed-in user creates, sees and revokes their own keys here. As on the
// admin pages, the sign-in check runs before anything streams; the list streams in behind a skeleton.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ApiKeysManager } from '@/components/settings/api-keys-manager';
import { ApiKeysSkeleton } from '@/components/settings/api-keys-skeleton';
import { SiteHeader } from '@/components/site-header';
import { adminOnlyScopes, apiKeyLimits, apiKeyScopes } from '@/lib/auth/api-keys';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { listOwnApiKeys } from '@/lib/db/api-keys';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const user = await requirePageRole(['USER', 'ADMIN', 'COMPLIANCE'], '/settings/keys');

  return (
    <>
      <SiteHeader user={user} current="settings" />
      <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
          <p className="mt-1 max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
            Keys let programs call the API as you: send one as{' '}
            <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>. A key is shown once
            when it is made; revoke it here when it is no longer needed or may have leaked.
          </p>
        </div>
        <Suspense fallback={<ApiKeysSkeleton />}>
          <OwnKeys user={user} />
        </Suspense>
      </main>
    </>
  );
}

async function OwnKeys({ user }: { user: SessionUser }) {
  const keys = await listOwnApiKeys(user);
  const scopes = apiKeyScopes.filter((scope) => user.role === 'ADMIN' || !adminOnlyScopes.includes(scope));
  return (
    <ApiKeysManager
      initial={keys}
      scopes={scopes}
      nameMaxChars={apiKeyLimits.nameMaxChars}
      maxExpiryDays={apiKeyLimits.maxExpiryDays}
    />
  );
}
