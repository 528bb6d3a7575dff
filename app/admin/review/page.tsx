// Admin → Review: the human review queue. Answers queued for low confidence, a flagged prompt
// injection, biased language or a high-risk topic, with counts per status and reason; an admin claims
// an item and approves or rejects it with a note. Admins only; the role check runs before anything
// renders, and the data layer checks it again.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { ReviewCountsPanel } from '@/components/admin/review/review-counts';
import { ReviewFilters } from '@/components/admin/review/review-filters';
import { ReviewItemCard } from '@/components/admin/review/review-item-card';
import type { ReviewItemView } from '@/components/admin/review/types';
import { SiteHeader } from '@/components/site-header';
import { buttonClasses } from '@/components/ui/button-styles';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { review } from '@/lib/config';
import { countReviewItems, listReviewItems, type ReviewRow } from '@/lib/db/review-items';
import { reviewFilter, type ReviewFilter } from '@/lib/review/review-schemas';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Review queue' };

type ReviewPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function view(row: ReviewRow, viewer: SessionUser): ReviewItemView {
  return {
    id: row.id,
    queryLogId: row.queryLogId,
    question: row.question,
    answer: row.answer,
    confidence: row.confidence,
    reason: row.reason,
    status: row.status,
    note: row.note,
    decisionNote: row.decisionNote,
    claimedBy: row.claimedBy?.email ?? null,
    claimedAt: row.claimedAt?.toISOString() ?? null,
    claimedByViewer: row.claimedBy?.id === viewer.id,
    claimExpired: row.claimExpired,
    reviewer: row.reviewer?.email ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function pageHref(filter: ReviewFilter, cursor?: string): string {
  const params = new URLSearchParams({ status: filter.status, reason: filter.reason, claim: filter.claim });
  if (cursor) params.set('cursor', cursor);
  return `/admin/review?${params.toString()}`;
}

export default async function ReviewPage(props: ReviewPageProps) {
  const user = await requirePageRole(['ADMIN'], '/admin/review');
  const params = await props.searchParams;
  const filter = reviewFilter.parse({
    status: first(params.status),
    reason: first(params.reason),
    claim: first(params.claim),
    cursor: first(params.cursor),
  });
  const [counts, page] = await Promise.all([countReviewItems(user), listReviewItems(user, filter)]);

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="review" />
      <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Review queue</h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            Answers a person should look at: low confidence, a question flagged as a possible prompt
            injection, biased or non-inclusive language in the answer, or a legal, medical or financial
            decision. Claim an item, then approve or reject it with a note; a claim lapses after{' '}
            {review.claimExpiryMinutes} minutes, when another admin may take it over. Every claim and decision
            is kept in the audit log.
          </p>
        </div>
        <ReviewCountsPanel counts={counts} />
        <ReviewFilters filter={filter} />
        {page.rows.length === 0 ? (
          <p
            data-testid="review-empty"
            className="rounded-xl border border-dashed border-neutral-300 px-4 py-8 text-center text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400"
          >
            Nothing to review with these filters.
          </p>
        ) : (
          <div className="space-y-4" data-testid="review-list">
            {page.rows.map((row) => (
              <ReviewItemCard key={row.id} item={view(row, user)} />
            ))}
          </div>
        )}
        {filter.cursor || page.next ? (
          <nav aria-label="Pages of the review queue" className="flex justify-end gap-2 text-sm">
            {filter.cursor ? (
              <Link href={pageHref(filter)} className={buttonClasses('secondary', 'sm')}>
                First page
              </Link>
            ) : null}
            {page.next ? (
              <Link
                href={pageHref(filter, page.next)}
                rel="next"
                className={buttonClasses('secondary', 'sm')}
              >
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </main>
    </>
  );
}
