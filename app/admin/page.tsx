// Admin console overview: requests, errors, latency percentiles, tokens and cost, cache, fallbacks,
// rate limits, confidence, feedback and top questions over a time range, compared with the period
// before. The role check runs before anything streams, so a signed-out visitor gets a real 307 and a
// non-admin a real 403; the figures then load once (lib/db/overview.ts, from the hourly rollups) and
// each panel streams in behind its own skeleton.
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { ChartSkeleton, TilesSkeleton } from '@/components/admin/overview/chart-card';
import {
  CostChart,
  FeedbackPanel,
  LatencyChart,
  ModelsChart,
  OverviewTiles,
  QualityChart,
  RateLimitChart,
  RequestsChart,
  SpendersChart,
  TokensChart,
  TopQuestions,
} from '@/components/admin/overview/overview-panels';
import { RangePicker } from '@/components/admin/overview/range-picker';
import { ReviewCountsPanel } from '@/components/admin/review/review-counts';
import { SiteHeader } from '@/components/site-header';
import { parseOverviewRange } from '@/lib/admin/overview-range';
import { requirePageRole } from '@/lib/auth/session';
import {
  readLatestComments,
  readOverviewFigures,
  readTopQuestions,
  readTopSpenders,
} from '@/lib/db/overview';
import { countReviewItems, type ReviewCounts } from '@/lib/db/review-items';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Admin overview' };

/** A promise several panels await; marked handled here so a failure surfaces only where it is awaited. */
function shared<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole(['ADMIN'], '/admin');
  const { range, error } = parseOverviewRange(await searchParams);
  const figures = shared(readOverviewFigures(user, range));
  const review = shared(countReviewItems(user));
  const spenders = shared(readTopSpenders(user, range));
  const questions = shared(readTopQuestions(user, range));
  const comments = shared(readLatestComments(user, range));

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="overview" />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
            <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400" data-testid="overview-period">
              {range.label}, compared with the period of the same length before. Times in UTC; search and
              export single queries under <Link href="/admin/queries">Queries</Link>.
            </p>
          </div>
          <RangePicker range={range} />
        </div>
        {error ? (
          <p
            role="alert"
            data-testid="overview-range-error"
            className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
          >
            That range could not be used ({error}); showing the last 24 hours.
          </p>
        ) : null}
        <Suspense fallback={<TilesSkeleton />}>
          <OverviewTiles figures={figures} range={range} review={review} />
        </Suspense>
        <div className="grid gap-6 lg:grid-cols-2">
          <Suspense fallback={<ChartSkeleton title="Requests and errors" wide />}>
            <RequestsChart figures={figures} range={range} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton title="Latency and time to first token" wide />}>
            <LatencyChart figures={figures} range={range} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton title="Cost over time by model" />}>
            <CostChart figures={figures} range={range} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton title="Tokens over time" />}>
            <TokensChart figures={figures} range={range} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton title="Cost by model" />}>
            <ModelsChart figures={figures} range={range} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton title="Top spenders" />}>
            <SpendersChart spenders={spenders} range={range} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton title="Cache, fallback and confidence" />}>
            <QualityChart figures={figures} range={range} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton title="Rate-limit rejections" />}>
            <RateLimitChart figures={figures} range={range} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton title="Feedback" />}>
            <FeedbackPanel figures={figures} comments={comments} range={range} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton title="Top questions" />}>
            <TopQuestions questions={questions} range={range} />
          </Suspense>
        </div>
        <section aria-labelledby="review-heading" className="space-y-3">
          <h2 id="review-heading" className="text-lg font-semibold tracking-tight">
            Review queue
          </h2>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Outcomes of human review, and what is waiting, by why it was queued.{' '}
            <Link href="/admin/review">Open the queue</Link>.
          </p>
          <Suspense fallback={<p className="text-sm text-neutral-500">Loading the review counts…</p>}>
            <ReviewOutcomes counts={review} />
          </Suspense>
        </section>
      </main>
    </>
  );
}

async function ReviewOutcomes({ counts }: { counts: Promise<ReviewCounts> }) {
  return <ReviewCountsPanel counts={await counts} />;
}
