// The GDPR request history: every export and erasure, newest first, with its status. An erased
// person appears by pseudonym only; an erasure's row is its lasting record.
import { formatTime } from '@/components/admin/format';
import type { GdprRequestRow } from '@/lib/db/gdpr';

const statusStyles: Record<GdprRequestRow['status'], string> = {
  PENDING:
    'bg-neutral-50 text-neutral-700 ring-neutral-200 dark:bg-neutral-900 dark:text-neutral-300 dark:ring-neutral-700',
  RUNNING: 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950/40 dark:text-sky-300 dark:ring-sky-900',
  DONE: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/40 dark:text-emerald-300 dark:ring-emerald-900',
  FAILED: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/40 dark:text-red-300 dark:ring-red-900',
};

function summary(result: unknown): string {
  if (!result || typeof result !== 'object') return '';
  return Object.entries(result as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'number' && value > 0)
    .map(([key, value]) => `${key} ${value as number}`)
    .join(', ');
}

export function RequestHistory({ rows }: { rows: GdprRequestRow[] }) {
  if (rows.length === 0)
    return <p className="text-sm text-neutral-600 dark:text-neutral-400">No requests yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table data-testid="gdpr-history" className="w-full text-left text-sm">
        <thead className="border-b border-neutral-200 text-xs text-neutral-500 uppercase dark:border-neutral-800">
          <tr>
            <th className="py-2 pr-3 font-medium">When (UTC)</th>
            <th className="py-2 pr-3 font-medium">Type</th>
            <th className="py-2 pr-3 font-medium">Person</th>
            <th className="py-2 pr-3 font-medium">Status</th>
            <th className="py-2 pr-3 font-medium">By</th>
            <th className="py-2 font-medium">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid="gdpr-history-row"
              data-request-id={row.id}
              data-type={row.type}
              data-status={row.status}
              className="border-b border-neutral-100 align-top dark:border-neutral-900"
            >
              <td className="py-2 pr-3 whitespace-nowrap tabular-nums" title={row.createdAt.toISOString()}>
                {formatTime(row.createdAt)}
              </td>
              <td className="py-2 pr-3">{row.type === 'EXPORT' ? 'Export' : 'Erasure'}</td>
              <td className="py-2 pr-3 font-mono text-xs" data-testid="gdpr-history-subject">
                {row.subjectEmail ?? row.subjectPseudonym ?? '—'}
              </td>
              <td className="py-2 pr-3">
                <span
                  className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyles[row.status]}`}
                >
                  {row.status.toLowerCase()}
                </span>
              </td>
              <td className="py-2 pr-3 text-xs">
                {row.requestedByEmail ?? row.requestedById} ({row.requestedByRole.toLowerCase()})
              </td>
              <td className="py-2 text-xs text-neutral-600 dark:text-neutral-400">
                {row.error ?? summary(row.result)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
