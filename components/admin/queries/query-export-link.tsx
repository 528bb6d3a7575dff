// Download of every row the current filters match (all pages), as CSV.
import { buttonClasses } from '@/components/ui/button-styles';
import { queryFilterHref, type QueryFilter } from '@/lib/admin/query-filters';

export function QueryExportLink({ filter }: { filter: QueryFilter }) {
  return (
    <a
      href={queryFilterHref('/api/admin/queries/export', filter)}
      download
      data-testid="queries-export-csv"
      className={buttonClasses('secondary', 'sm')}
    >
      Export CSV
    </a>
  );
}
