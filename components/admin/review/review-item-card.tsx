// One queued answer: why it is queued, question and answer excerpts, confidence, who has claimed or
// decided it, a link to the query's full detail, and the claim and decision buttons.
import Link from 'next/link';
import { formatDateTime } from '@/components/settings/format-date';
import { reviewReasonLabels, reviewStatusLabels } from '@/lib/review/review-schemas';
import { ReviewItemActions } from './review-item-actions';
import type { ReviewItemView } from './types';

const statusTone = {
  PENDING:
    'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800/60 dark:bg-amber-950/30 dark:text-amber-200',
  APPROVED:
    'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-900/70 dark:bg-emerald-950/40 dark:text-emerald-200',
  REJECTED:
    'border-red-300 bg-red-50 text-red-900 dark:border-red-900/70 dark:bg-red-950/40 dark:text-red-200',
} as const;

const badge = 'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium';

export function ReviewItemCard({ item }: { item: ReviewItemView }) {
  const headingId = `review-${item.id}-question`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="review-item"
      data-review-id={item.id}
      data-status={item.status}
      className="space-y-3 rounded-xl border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span data-testid="review-status" className={`${badge} ${statusTone[item.status]}`}>
          {reviewStatusLabels[item.status]}
        </span>
        <span
          data-testid="review-reason"
          className={`${badge} border-neutral-300 text-neutral-700 dark:border-neutral-700 dark:text-neutral-300`}
        >
          {reviewReasonLabels[item.reason]}
        </span>
        <span className="text-neutral-600 tabular-nums dark:text-neutral-400">
          Confidence {Math.round(item.confidence * 100)} %
        </span>
        <time dateTime={item.createdAt} className="text-neutral-600 dark:text-neutral-400">
          {formatDateTime(item.createdAt)}
        </time>
      </div>
      <div>
        <h2 id={headingId} className="text-sm font-semibold break-words whitespace-pre-wrap">
          {item.question}
        </h2>
        <p className="mt-1 text-sm break-words whitespace-pre-wrap text-neutral-700 dark:text-neutral-300">
          {item.answer || '(no answer text)'}
        </p>
      </div>
      {item.note ? (
        <p className="text-xs text-neutral-600 dark:text-neutral-400">
          <span className="font-medium">Queued because:</span> {item.note}
        </p>
      ) : null}
      <dl className="grid gap-x-4 gap-y-1 text-xs text-neutral-600 sm:grid-cols-[max-content_1fr] dark:text-neutral-400">
        {item.claimedBy ? (
          <>
            <dt className="font-medium">Claimed by</dt>
            <dd data-testid="review-claimed-by">
              {item.claimedByViewer ? 'you' : item.claimedBy}
              {item.claimedAt ? ` at ${formatDateTime(item.claimedAt)}` : ''}
              {item.status === 'PENDING' && item.claimExpired ? ' (expired: anyone may take it over)' : ''}
            </dd>
          </>
        ) : null}
        {item.reviewer ? (
          <>
            <dt className="font-medium">Decided by</dt>
            <dd>
              {item.reviewer}
              {item.reviewedAt ? ` at ${formatDateTime(item.reviewedAt)}` : ''}
            </dd>
            <dt className="font-medium">Note</dt>
            <dd data-testid="review-decision-note" className="break-words whitespace-pre-wrap">
              {item.decisionNote}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <Link
          href={`/admin/queries/${item.queryLogId}`}
          data-testid="review-query-link"
          className="text-sm underline underline-offset-2 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-neutral-900 dark:hover:text-neutral-100 dark:focus-visible:outline-neutral-100"
        >
          Full query detail
        </Link>
        <div className="sm:w-96">
          <ReviewItemActions item={item} />
        </div>
      </div>
    </article>
  );
}
