// Downloads of the rows the current filters match (all pages), as CSV or JSON.
import { buttonClasses } from '@/components/ui/button-styles';
import type { AuditFilter } from '@/lib/audit/filter';
import { auditHref } from './audit-pagination';

export function AuditExportLinks({ filter }: { filter: AuditFilter }) {
  return (
    <div className="flex gap-2">
      {(['csv', 'json'] as const).map((format) => (
        <a
          key={format}
          href={auditHref('/api/admin/audit/export', filter, { format })}
          download
          data-testid={`audit-export-${format}`}
          className={buttonClasses('secondary', 'sm')}
        >
          Export {format.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
