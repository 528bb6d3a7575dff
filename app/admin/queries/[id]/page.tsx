// Admin → Queries → one query: everything recorded about it, from the question and answer to the
// sources, route, timings, confidence, fallback attempts, feedback and ids. Admins only.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdminNav } from '@/components/admin/admin-nav';
import { QueryDetailView } from '@/components/admin/queries/query-detail';
import { SiteHeader } from '@/components/site-header';
import { requirePageRole } from '@/lib/auth/session';
import { getQueryLogDetail } from '@/lib/db/query-explorer';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Query' };

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export default async function AdminQueryPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  const user = await requirePageRole(['ADMIN'], `/admin/queries/${encodeURIComponent(id)}`);
  const parsed = idSchema.safeParse(id);
  const query = parsed.success ? await getQueryLogDetail(user, parsed.data) : null;
  if (!query) notFound();

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="queries" />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <Link
          href="/admin/queries"
          className="text-sm text-neutral-600 underline-offset-2 hover:underline dark:text-neutral-400"
        >
          ← All queries
        </Link>
        <QueryDetailView query={query} />
      </main>
    </>
  );
}
