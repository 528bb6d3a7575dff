// Admin console, first slice: the most recent queries with their latency, tokens and cost.
// The role check runs before anything streams, so a signed-out visitor gets a real 307 and a
// non-admin a real 403; the query log then streams in behind a skeleton. (A route-level
// loading.tsx would start the response first and turn both into a 200.)
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { QueryLogSkeleton } from '@/components/admin/query-log-skeleton';
import { QueryLogSummary } from '@/components/admin/query-log-summary';
import { QueryLogTable } from '@/components/admin/query-log-table';
import { ReviewCountsPanel } from '@/components/admin/review/review-counts';
import { SiteHeader } from '@/components/site-header';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { listRecentQueryLogs } from '@/lib/db/query-logs';
import { countReviewItems } from '@/lib/db/review-items';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Admin' };

const RECENT_LIMIT = 50;

export default async function AdminPage() {
  const user = await requirePageRole(['ADMIN'], '/admin');

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="overview" />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Recent queries</h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            The last {RECENT_LIMIT} questions asked, newest first. Figures below cover these rows only;
            search, filter and export the whole log under <Link href="/admin/queries">Queries</Link>.
          </p>
        </div>
        <Suspense fallback={<QueryLogSkeleton />}>
          <RecentQueries viewer={user} />
        </Suspense>
        <section aria-labelledby="review-heading" className="space-y-3">
          <h2 id="review-heading" className="text-lg font-semibold tracking-tight">
            Review queue
          </h2>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Outcomes of human review, and what is waiting, by why it was queued.{' '}
            <Link href="/admin/review">Open the queue</Link>.
          </p>
          <Suspense fallback={<p className="text-sm text-neutral-500">Loading the review counts…</p>}>
            <ReviewOutcomes viewer={user} />
          </Suspense>
        </section>
      </main>
    </>
  );
}

async function ReviewOutcomes({ viewer }: { viewer: SessionUser }) {
  return <ReviewCountsPanel counts={await countReviewItems(viewer)} />;
}

async function RecentQueries({ viewer }: { viewer: SessionUser }) {
  const rows = await listRecentQueryLogs({ viewer, limit: RECENT_LIMIT });
  return (
    <>
      <QueryLogSummary rows={rows} />
      <QueryLogTable rows={rows} />
    </>
  );
}
