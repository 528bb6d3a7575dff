// Admin → API keys: every user's keys with their owner, and revoke. As on /admin, the role check runs
// before anything streams (a real 307 or 403); the list then streams in behind a skeleton.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { AllApiKeys } from '@/components/settings/all-api-keys';
import { ApiKeysSkeleton } from '@/components/settings/api-keys-skeleton';
import { SiteHeader } from '@/components/site-header';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { listAllApiKeys } from '@/lib/db/api-keys';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API keys' };

export default async function AdminApiKeysPage() {
  const user = await requirePageRole(['ADMIN'], '/admin/keys');

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="keys" />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
          <p className="mt-1 max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
            Every user&apos;s keys, newest first. Revoking one refuses it from its next request; its owner
            sees it as revoked.
          </p>
        </div>
        <Suspense fallback={<ApiKeysSkeleton />}>
          <EveryKey viewer={user} />
        </Suspense>
      </main>
    </>
  );
}

async function EveryKey({ viewer }: { viewer: SessionUser }) {
  return <AllApiKeys initial={await listAllApiKeys(viewer)} />;
}
