// Previous and next pages of the user list, keeping the search and filters.
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';

type UserPaginationProps = {
  page: number;
  pageCount: number;
  total: number;
  params: Record<string, string | undefined>;
};

export function UserPagination({ page, pageCount, total, params }: UserPaginationProps) {
  const href = (to: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    if (to > 1) search.set('page', String(to));
    const query = search.toString();
    return query ? `/admin/users?${query}` : '/admin/users';
  };
  return (
    <nav aria-label="Pages of users" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-neutral-600 dark:text-neutral-400" data-testid="users-total">
        {total === 1 ? '1 user' : `${total.toLocaleString('en-US')} users`}
        {pageCount > 1 && ` · page ${page} of ${pageCount}`}
      </p>
      {pageCount > 1 && (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link href={href(page - 1)} rel="prev" className={buttonClasses('secondary', 'sm')}>
              Previous
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link href={href(page + 1)} rel="next" className={buttonClasses('secondary', 'sm')}>
              Next
            </Link>
          ) : null}
        </div>
      )}
    </nav>
  );
}
