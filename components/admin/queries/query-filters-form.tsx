// The query explorer's filters: a plain GET form, so it works without JavaScript and the URL says
// what is shown (and what the CSV export contains).
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import {
  LOW_CONFIDENCE_BELOW,
  QUERY_ROUTES,
  QUERY_STATUSES,
  type QueryFilter,
} from '@/lib/admin/query-filters';

const fieldClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

const texts = [
  { name: 'q', label: 'Question contains', type: 'search', placeholder: 'refund' },
  { name: 'user', label: 'User email contains', type: 'search', placeholder: 'alice@' },
  { name: 'model', label: 'Model', type: 'search', placeholder: 'gpt-4o-mini' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
] as const;

const selects = [
  { name: 'route', label: 'Front door', options: QUERY_ROUTES.map((value) => [value, value] as const) },
  {
    name: 'status',
    label: 'Status',
    options: QUERY_STATUSES.map((value) => [value, value.toLowerCase()] as const),
  },
  {
    name: 'cache',
    label: 'Cache',
    options: [
      ['hit', 'hit'],
      ['miss', 'miss'],
    ] as const,
  },
  {
    name: 'feedback',
    label: 'Feedback',
    options: [
      ['up', 'thumbs up'],
      ['down', 'thumbs down'],
      ['rated', 'any rating'],
      ['none', 'not rated'],
    ] as const,
  },
  {
    name: 'sort',
    label: 'Sort',
    options: [
      ['oldest', 'oldest first'],
      ['slowest', 'slowest first'],
      ['costliest', 'costliest first'],
    ] as const,
    blank: 'newest first',
  },
] as const;

export function QueryFiltersForm({ filter }: { filter: QueryFilter }) {
  const filtered = Object.values(filter).some(Boolean);
  return (
    <form
      method="get"
      action="/admin/queries"
      role="search"
      aria-label="Queries"
      data-testid="query-filters"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
    >
      {texts.map((field) => (
        <div key={field.name}>
          <label htmlFor={`queries-${field.name}`} className="text-sm font-medium">
            {field.label}
          </label>
          <input
            id={`queries-${field.name}`}
            name={field.name}
            type={field.type}
            defaultValue={filter[field.name]}
            maxLength={200}
            placeholder={'placeholder' in field ? field.placeholder : undefined}
            className={fieldClasses}
          />
        </div>
      ))}
      {selects.map((field) => (
        <div key={field.name}>
          <label htmlFor={`queries-${field.name}`} className="text-sm font-medium">
            {field.label}
          </label>
          <select
            id={`queries-${field.name}`}
            name={field.name}
            defaultValue={filter[field.name] ?? ''}
            className={fieldClasses}
          >
            <option value="">{'blank' in field ? field.blank : 'any'}</option>
            {field.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-5">
        <label className="mr-auto inline-flex h-10 items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="low"
            value="1"
            defaultChecked={filter.low === '1'}
            data-testid="queries-low"
            className="size-4 rounded border-neutral-300"
          />
          Low confidence only (below {Math.round(LOW_CONFIDENCE_BELOW * 100)} %)
        </label>
        <button type="submit" data-testid="queries-filter-submit" className={buttonClasses('primary', 'md')}>
          Filter
        </button>
        {filtered && (
          <Link href="/admin/queries" className={buttonClasses('ghost', 'md')}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
