// Search and filters for the user list: a plain GET form, so it works without JavaScript and the
// URL says what is shown.
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import { roles, userLimits, type UserStatus } from '@/lib/auth/user-limits';
import type { Role } from '@/lib/auth/roles';
import { roleLabels } from './types';

const fieldClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

type UserFiltersProps = { q?: string; role?: Role; status?: UserStatus };

export function UserFilters({ q, role, status }: UserFiltersProps) {
  const filtered = Boolean(q || role || status);
  return (
    <form
      method="get"
      action="/admin/users"
      role="search"
      aria-label="Users"
      data-testid="user-filters"
      className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
    >
      <div>
        <label htmlFor="users-q" className="text-sm font-medium">
          Search
        </label>
        <input
          id="users-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={userLimits.searchMaxChars}
          placeholder="Email or name"
          data-testid="user-search"
          className={fieldClasses}
        />
      </div>
      <div>
        <label htmlFor="users-role" className="text-sm font-medium">
          Role
        </label>
        <select id="users-role" name="role" defaultValue={role ?? ''} className={fieldClasses}>
          <option value="">Any role</option>
          {roles.map((choice) => (
            <option key={choice} value={choice}>
              {roleLabels[choice]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="users-status" className="text-sm font-medium">
          Status
        </label>
        <select id="users-status" name="status" defaultValue={status ?? ''} className={fieldClasses}>
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="disabled">Disabled</option>
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" data-testid="user-search-submit" className={buttonClasses('primary', 'md')}>
          Search
        </button>
        {filtered && (
          <Link href="/admin/users" className={buttonClasses('ghost', 'md')}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
