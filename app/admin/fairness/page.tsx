// Admin → Fairness: for each user group, answer rate, low-confidence rate, fallback rate, latency p95
// and thumbs-up share over a period, each with the group's ratio to the best group; ratios under the
// four-fifths threshold are marked. Exportable as CSV and JSON. Admins only; the role check runs
// before anything streams, and the data layer checks it again.
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { FairnessPeriodForm } from '@/components/admin/fairness/fairness-period-form';
import { FairnessTable } from '@/components/admin/fairness/fairness-table';
import { SiteHeader } from '@/components/site-header';
import { buttonClasses } from '@/components/ui/button-styles';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { fairness } from '@/lib/config';
import { fairnessCounts } from '@/lib/db/fairness';
import { parsePagePeriod, periodBounds, periodSearch, type PeriodBounds } from '@/lib/fairness/period';
import { buildFairnessReport } from '@/lib/fairness/report';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Fairness' };

type FairnessPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FairnessPage(props: FairnessPageProps) {
  const user = await requirePageRole(['ADMIN'], '/admin/fairness');
  const { period, problem } = parsePagePeriod(await props.searchParams);
  const bounds = periodBounds(period);
  const search = periodSearch(period);

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="fairness" />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="max-w-3xl space-y-2 text-sm text-neutral-600 dark:text-neutral-400">
            <h1 className="text-2xl font-semibold tracking-tight text-neutral-900 dark:text-neutral-100">
              Fairness
            </h1>
            <p>
              How well the service answers each user group (set on <Link href="/admin/users">Users</Link>;
              people without one are counted together as &ldquo;No group&rdquo;), next to the best group for
              each metric.
            </p>
            <p data-testid="fairness-ratio-rule">
              Each ratio compares a group with the best group, so 1 is the best and{' '}
              <strong>under {fairness.ratioThreshold} means worse</strong>, as in the four-fifths rule: for
              the answer rate and thumbs-up share, the group&apos;s rate divided by the best rate; for the
              low-confidence and fallback rates, where lower is better, the share of answers <em>without</em>{' '}
              that problem divided by the best group&apos;s; for latency, the best p95 divided by the
              group&apos;s. Ratios under {fairness.ratioThreshold} are marked ▼. A metric counted over fewer
              than {fairness.minRequests} requests shows &ldquo;insufficient data&rdquo; and no ratio. A low
              ratio is a reason to look closer, not proof of unfair treatment.
            </p>
          </div>
          <div className="flex gap-2">
            <a
              href={`/api/admin/fairness/export?format=csv&${search}`}
              download
              data-testid="fairness-export-csv"
              className={buttonClasses('secondary', 'sm')}
            >
              Export CSV
            </a>
            <a
              href={`/api/admin/fairness/export?format=json&${search}`}
              download
              data-testid="fairness-export-json"
              className={buttonClasses('secondary', 'sm')}
            >
              Export JSON
            </a>
          </div>
        </div>
        {problem ? (
          <p
            role="alert"
            data-testid="fairness-period-problem"
            className="text-sm text-red-700 dark:text-red-400"
          >
            Showing the last 30 days instead: {problem}
          </p>
        ) : null}
        <FairnessPeriodForm period={period} />
        <Suspense
          key={search}
          fallback={<p className="text-sm text-neutral-500">Counting the period&apos;s questions…</p>}
        >
          <Report viewer={user} bounds={bounds} />
        </Suspense>
      </main>
    </>
  );
}

async function Report({ viewer, bounds }: { viewer: SessionUser; bounds: PeriodBounds }) {
  const report = buildFairnessReport(await fairnessCounts(viewer, bounds), {
    from: bounds.from,
    to: bounds.to,
    threshold: fairness.ratioThreshold,
    minRequests: fairness.minRequests,
  });
  return (
    <section aria-labelledby="fairness-report-heading" className="space-y-3">
      <h2 id="fairness-report-heading" className="text-lg font-semibold tracking-tight">
        {bounds.label}
      </h2>
      <p className="text-sm" data-testid="fairness-summary">
        {report.belowThreshold === 0
          ? `No ratio under ${report.threshold}.`
          : `${report.belowThreshold} ${report.belowThreshold === 1 ? 'ratio' : 'ratios'} under ${report.threshold} (marked ▼).`}
      </p>
      <FairnessTable report={report} />
    </section>
  );
}
