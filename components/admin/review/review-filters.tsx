// The review queue's filters: a plain GET form, so it works without JavaScript and the URL says what
// is shown.
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import {
  reviewReasonLabels,
  reviewReasons,
  reviewStatusLabels,
  reviewStatuses,
  type ReviewFilter,
} from '@/lib/review/review-schemas';

const fieldClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

const selects = [
  {
    name: 'status',
    label: 'Status',
    options: [
      ...reviewStatuses.map((value) => [value, reviewStatusLabels[value]] as const),
      ['all', 'Any status'],
    ],
  },
  {
    name: 'reason',
    label: 'Reason',
    options: [
      ['all', 'Any reason'],
      ...reviewReasons.map((value) => [value, reviewReasonLabels[value]] as const),
    ],
  },
  {
    name: 'claim',
    label: 'Claimed',
    options: [
      ['all', 'Claimed or not'],
      ['mine', 'Claimed by me'],
      ['claimed', 'Claimed by anyone'],
      ['unclaimed', 'Unclaimed'],
    ],
  },
] as const;

export function ReviewFilters({ filter }: { filter: ReviewFilter }) {
  return (
    <form
      method="get"
      action="/admin/review"
      role="search"
      aria-label="Review queue"
      data-testid="review-filters"
      className="grid gap-3 sm:grid-cols-4 sm:items-end"
    >
      {selects.map((field) => (
        <div key={field.name}>
          <label htmlFor={`review-${field.name}`} className="text-sm font-medium">
            {field.label}
          </label>
          <select
            id={`review-${field.name}`}
            name={field.name}
            defaultValue={filter[field.name]}
            className={fieldClasses}
          >
            {field.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses('primary', 'md', 'flex-1')}>
          Filter
        </button>
        <Link href="/admin/review" className={buttonClasses('secondary', 'md', 'flex-1')}>
          Reset
        </Link>
      </div>
    </form>
  );
}
