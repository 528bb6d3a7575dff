// Newer and older pages of the audit log by seq cursor, keeping the filters.
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import type { AuditFilter } from '@/lib/audit/filter';

type AuditPaginationProps = { filter: AuditFilter; paged: boolean; nextBefore: string | null };

export function auditHref(path: string, filter: AuditFilter, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export function AuditPagination({ filter, paged, nextBefore }: AuditPaginationProps) {
  if (!paged && !nextBefore) return null;
  return (
    <nav aria-label="Pages of audit events" className="flex justify-end gap-2 text-sm">
      {paged ? (
        <Link href={auditHref('/admin/audit', filter)} className={buttonClasses('secondary', 'sm')}>
          Newest
        </Link>
      ) : null}
      {nextBefore ? (
        <Link
          href={auditHref('/admin/audit', filter, { before: nextBefore })}
          rel="next"
          data-testid="audit-older"
          className={buttonClasses('secondary', 'sm')}
        >
          Older
        </Link>
      ) : null}
    </nav>
  );
}
