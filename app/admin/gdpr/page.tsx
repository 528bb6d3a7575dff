// Admin → GDPR: find a person by email or id, download everything held about them, erase them, and
// the history of these requests. Admins and compliance officers; the role check runs first, and the
// data layer checks it again.
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { EraseForm } from '@/components/admin/gdpr/erase-form';
import { RequestHistory } from '@/components/admin/gdpr/request-history';
import { SubjectCard } from '@/components/admin/gdpr/subject-card';
import { SubjectSearch } from '@/components/admin/gdpr/subject-search';
import { SiteHeader } from '@/components/site-header';
import { firstValues } from '@/lib/audit/filter';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { findGdprSubject, GDPR_ROLES, listGdprRequests, subjectHoldings } from '@/lib/db/gdpr';
import { gdprSearch } from '@/lib/gdpr/schemas';
import { AppError } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'GDPR' };

type GdprPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminGdprPage(props: GdprPageProps) {
  const user = await requirePageRole([...GDPR_ROLES], '/admin/gdpr');
  const params = firstValues(await props.searchParams);
  const parsed = gdprSearch.safeParse(params);
  const q = parsed.success ? parsed.data.q : undefined;
  const history = await listGdprRequests(user);
  const erased =
    typeof params.erased === 'string' ? history.find((row) => row.id === params.erased) : undefined;

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="gdpr" role={user.role} />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">GDPR</h1>
          <p className="mt-1 max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
            Export everything the service holds about a person (art. 15 and 20) or erase it (art. 17). Each
            request is recorded below and in the audit log.
          </p>
        </div>
        {erased && erased.type === 'ERASURE' && erased.status === 'DONE' && (
          <p
            role="status"
            data-testid="gdpr-erased"
            className="text-sm text-emerald-700 dark:text-emerald-400"
          >
            Erased. The person is now known only as{' '}
            <span className="font-mono">{erased.subjectPseudonym}</span>.
          </p>
        )}
        <SubjectSearch q={q} />
        {q ? <Subject viewer={user} q={q} /> : null}
        <section aria-labelledby="gdpr-history-heading" className="space-y-3">
          <h2 id="gdpr-history-heading" className="text-lg font-semibold">
            Request history
          </h2>
          <RequestHistory rows={history} />
        </section>
      </main>
    </>
  );
}

async function Subject({ viewer, q }: { viewer: SessionUser; q: string }) {
  const subject = await findGdprSubject(viewer, q).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  });
  if (!subject)
    return (
      <p
        role="status"
        data-testid="gdpr-not-found"
        className="text-sm text-neutral-700 dark:text-neutral-300"
      >
        No user with this id or email.
      </p>
    );
  const holdings = await subjectHoldings(viewer, subject);
  const view = {
    id: subject.id,
    email: subject.email,
    name: subject.name,
    role: subject.role,
    disabled: subject.disabledAt !== null,
    createdAt: subject.createdAt.toISOString(),
  };
  return (
    <div className="space-y-4">
      <SubjectCard subject={view} holdings={holdings} />
      <EraseForm subject={view} holdings={holdings} />
    </div>
  );
}
