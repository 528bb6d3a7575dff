// The queue's counts: items per status, and the pending ones by why they were queued.
import type { ReviewCounts } from '@/lib/db/review-items';
import {
  reviewReasonLabels,
  reviewReasons,
  reviewStatusLabels,
  reviewStatuses,
} from '@/lib/review/review-schemas';

export function ReviewCountsPanel({ counts }: { counts: ReviewCounts }) {
  const cells = [
    ...reviewStatuses.map((status) => ({
      key: `status-${status}`,
      label: reviewStatusLabels[status],
      value: counts.byStatus[status],
    })),
    ...reviewReasons.map((reason) => ({
      key: `pending-${reason}`,
      label: `Pending: ${reviewReasonLabels[reason].toLowerCase()}`,
      value: counts.pendingByReason[reason],
    })),
  ];
  return (
    <dl
      aria-label="Review counts"
      data-testid="review-counts"
      className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6"
    >
      {cells.map((cell) => (
        <div
          key={cell.key}
          data-testid={`review-count-${cell.key}`}
          className="rounded-lg border border-neutral-200 px-3 py-2 dark:border-neutral-800"
        >
          <dt className="text-xs text-neutral-600 dark:text-neutral-400">{cell.label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{cell.value}</dd>
        </div>
      ))}
    </dl>
  );
}
