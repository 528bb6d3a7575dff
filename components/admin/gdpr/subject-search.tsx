// Find a person by user id or email: a plain GET form, so the URL says whom the page shows.
import { buttonClasses } from '@/components/ui/button-styles';

const fieldClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

export function SubjectSearch({ q }: { q?: string }) {
  return (
    <form
      method="get"
      action="/admin/gdpr"
      role="search"
      aria-label="Find a person"
      className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end"
    >
      <div>
        <label htmlFor="gdpr-q" className="text-sm font-medium">
          Find a person
        </label>
        <input
          id="gdpr-q"
          name="q"
          type="search"
          required
          defaultValue={q}
          maxLength={320}
          placeholder="Email address or user id"
          data-testid="gdpr-search"
          className={fieldClasses}
        />
      </div>
      <button type="submit" data-testid="gdpr-search-submit" className={buttonClasses('primary', 'md')}>
        Find
      </button>
    </form>
  );
}
