// Admin → Audit log: every AI decision and every admin or compliance act, filtered and paged by seq,
// with chain verification and CSV/JSON export. Admins and compliance officers; the role check runs
// before anything streams.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { AuditExportLinks } from '@/components/admin/audit/audit-export-links';
import { AuditFilters } from '@/components/admin/audit/audit-filters';
import { AuditPagination } from '@/components/admin/audit/audit-pagination';
import { AuditSkeleton } from '@/components/admin/audit/audit-skeleton';
import { AuditTable } from '@/components/admin/audit/audit-table';
import { VerifyChainButton } from '@/components/admin/audit/verify-chain-button';
import { SiteHeader } from '@/components/site-header';
import { requirePageRole } from '@/lib/auth/session';
import { AUDIT_PAGE_SIZE, auditListSchema, firstValues, type AuditFilter } from '@/lib/audit/filter';
import { listAuditEvents } from '@/lib/db/audit-log';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAuditPage(props: AuditPageProps) {
  const user = await requirePageRole(['ADMIN', 'COMPLIANCE'], '/admin/audit');
  const parsed = auditListSchema.safeParse(firstValues(await props.searchParams));
  const { before, ...filter } = parsed.success ? parsed.data : auditListSchema.parse({});

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="audit" role={user.role} />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
            <p className="mt-1 max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
              Append-only: the database refuses to change or delete an event, and each event carries a hash
              chained to the one before, so an edit made behind the service&apos;s back shows up when the
              chain is verified.
            </p>
          </div>
          <AuditExportLinks filter={filter} />
        </div>
        <VerifyChainButton />
        {parsed.success ? null : (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Some filters were not understood and are ignored (dates are YYYY-MM-DD).
          </p>
        )}
        <AuditFilters filter={filter} />
        <Suspense key={JSON.stringify({ filter, before })} fallback={<AuditSkeleton />}>
          <AuditPage filter={filter} before={before} />
        </Suspense>
      </main>
    </>
  );
}

async function AuditPage({ filter, before }: { filter: AuditFilter; before?: string }) {
  const page = await listAuditEvents(filter, { before, limit: AUDIT_PAGE_SIZE });
  return (
    <div className="space-y-3">
      <AuditTable rows={page.rows} />
      <AuditPagination filter={filter} paged={Boolean(before)} nextBefore={page.nextBefore} />
    </div>
  );
}
