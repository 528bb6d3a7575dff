// Filters for the audit log: a plain GET form, so it works without JavaScript and the URL says what
// is shown (and what the export contains).
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import type { AuditFilter } from '@/lib/audit/filter';

const fieldClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

const fields = [
  { name: 'action', label: 'Action starts with', type: 'search', placeholder: 'user. or query.answered' },
  { name: 'actor', label: 'Actor id', type: 'search', placeholder: 'User id' },
  { name: 'target', label: 'Target id', type: 'search', placeholder: 'User, document or key id' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
] as const;

export function AuditFilters({ filter }: { filter: AuditFilter }) {
  const filtered = Object.values(filter).some(Boolean);
  return (
    <form
      method="get"
      action="/admin/audit"
      role="search"
      aria-label="Audit events"
      data-testid="audit-filters"
      className="grid gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
    >
      {fields.map((field) => (
        <div key={field.name}>
          <label htmlFor={`audit-${field.name}`} className="text-sm font-medium">
            {field.label}
          </label>
          <input
            id={`audit-${field.name}`}
            name={field.name}
            type={field.type}
            defaultValue={filter[field.name]}
            maxLength={200}
            placeholder={'placeholder' in field ? field.placeholder : undefined}
            className={fieldClasses}
          />
        </div>
      ))}
      <div className="flex gap-2">
        <button type="submit" data-testid="audit-filter-submit" className={buttonClasses('primary', 'md')}>
          Filter
        </button>
        {filtered && (
          <Link href="/admin/audit" className={buttonClasses('ghost', 'md')}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
