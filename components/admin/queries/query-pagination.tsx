// Pages of the query explorer by cursor, keeping the filters: back to the first page, or the next.
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import { queryFilterHref, type QueryFilter } from '@/lib/admin/query-filters';

type QueryPaginationProps = { filter: QueryFilter; paged: boolean; next: string | null };

export function QueryPagination({ filter, paged, next }: QueryPaginationProps) {
  if (!paged && !next) return null;
  return (
    <nav aria-label="Pages of queries" className="flex justify-end gap-2 text-sm">
      {paged ? (
        <Link href={queryFilterHref('/admin/queries', filter)} className={buttonClasses('secondary', 'sm')}>
          First page
        </Link>
      ) : null}
      {next ? (
        <Link
          href={queryFilterHref('/admin/queries', filter, { after: next })}
          rel="next"
          data-testid="queries-next"
          className={buttonClasses('secondary', 'sm')}
        >
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
