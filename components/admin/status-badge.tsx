// Outcome of a query as a labelled badge; colour repeats the word, never replaces it.
export type QueryStatus = 'OK' | 'ERROR' | 'REJECTED' | 'DEGRADED';

const styles: Record<QueryStatus, string> = {
  OK: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/40 dark:text-emerald-300 dark:ring-emerald-900',
  ERROR: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/40 dark:text-red-300 dark:ring-red-900',
  REJECTED:
    'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/40 dark:text-amber-300 dark:ring-amber-900',
  DEGRADED:
    'bg-orange-50 text-orange-800 ring-orange-200 dark:bg-orange-950/40 dark:text-orange-300 dark:ring-orange-900',
};

export function StatusBadge({ status }: { status: QueryStatus }) {
  return (
    <span
      className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[status]}`}
    >
      {status.toLowerCase()}
    </span>
  );
}
