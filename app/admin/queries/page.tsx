// Admin → Queries: the whole query log, searched, filtered and sorted, 50 rows a page by cursor, with
// a CSV export of the filtered rows. Admins only; the role check runs before anything streams, and
// the data layer checks it again.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { QueryLogSkeleton } from '@/components/admin/query-log-skeleton';
import { QueryLogTable } from '@/components/admin/query-log-table';
import { QueryExportLink } from '@/components/admin/queries/query-export-link';
import { QueryFiltersForm } from '@/components/admin/queries/query-filters-form';
import { QueryPagination } from '@/components/admin/queries/query-pagination';
import { SiteHeader } from '@/components/site-header';
import { parseQueryPageParams, QUERY_PAGE_SIZE, type QueryFilter } from '@/lib/admin/query-filters';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { searchQueryLogs } from '@/lib/db/query-explorer';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Queries' };

type QueriesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminQueriesPage(props: QueriesPageProps) {
  const user = await requirePageRole(['ADMIN'], '/admin/queries');
  const { filter, after, ignored } = parseQueryPageParams(await props.searchParams);

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="queries" />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Queries</h1>
            <p className="mt-1 max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
              Every question the service accepted, {QUERY_PAGE_SIZE} a page. Open a question for its answer,
              sources, route, timings and feedback. Times are UTC.
            </p>
          </div>
          <QueryExportLink filter={filter} />
        </div>
        {ignored.length ? (
          <p role="alert" data-testid="queries-ignored" className="text-sm text-red-700 dark:text-red-400">
            Ignored what could not be understood: {ignored.join(', ')} (dates are YYYY-MM-DD, and
            &ldquo;from&rdquo; must not be after &ldquo;to&rdquo;).
          </p>
        ) : null}
        <QueryFiltersForm filter={filter} />
        <Suspense key={JSON.stringify({ filter, after })} fallback={<QueryLogSkeleton />}>
          <QueriesPage viewer={user} filter={filter} after={after} />
        </Suspense>
      </main>
    </>
  );
}

async function QueriesPage({
  viewer,
  filter,
  after,
}: {
  viewer: SessionUser;
  filter: QueryFilter;
  after?: string;
}) {
  const page = await searchQueryLogs(viewer, filter, after);
  const filtered = Object.values(filter).some(Boolean);
  return (
    <div className="space-y-3">
      <QueryLogTable
        rows={page.rows}
        caption="Queries matching the filters"
        emptyTitle={filtered ? 'No queries match' : 'No queries yet'}
        empty={filtered ? 'Loosen or clear the filters.' : 'Questions asked in the chat will appear here.'}
      />
      <QueryPagination filter={filter} paged={Boolean(after)} next={page.next} />
    </div>
  );
}
