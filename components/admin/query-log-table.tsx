// Query-log rows: who asked what, how it was answered, how fast and at what cost; each question
// links to the query's detail page.
import Link from 'next/link';
import { formatCost, formatInteger, formatTime, truncate } from '@/components/admin/format';
import type { QueryLogRow } from '@/lib/db/query-logs';
import { StatusBadge } from '@/components/admin/status-badge';

const columns = [
  { label: 'Time (UTC)', numeric: false },
  { label: 'User', numeric: false },
  { label: 'Question', numeric: false },
  { label: 'Route', numeric: false },
  { label: 'Model', numeric: false },
  { label: 'Status', numeric: false },
  { label: 'Confidence', numeric: true },
  { label: 'Latency ms', numeric: true },
  { label: 'TTFT ms', numeric: true },
  { label: 'Tokens in/out', numeric: true },
  { label: 'Cost', numeric: true },
];

const cell = 'px-2.5 py-2 align-top whitespace-nowrap';
const numericCell = `${cell} text-right tabular-nums`;

export function QueryLogTable({
  rows,
  caption = 'Recent queries, newest first',
  emptyTitle = 'No queries yet',
  empty = 'Questions asked in the chat will appear here.',
}: {
  rows: QueryLogRow[];
  caption?: string;
  emptyTitle?: string;
  empty?: string;
}) {
  return (
    <div
      role="region"
      aria-labelledby="query-log-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-neutral-200 focus-visible:outline-2 focus-visible:outline-neutral-900 dark:border-neutral-800 dark:focus-visible:outline-neutral-100"
    >
      <table data-testid="query-log-table" className="min-w-full text-sm">
        <caption id="query-log-caption" className="sr-only">
          {caption}
        </caption>
        <thead className="bg-neutral-50 text-left text-xs font-medium text-neutral-600 dark:bg-neutral-900 dark:text-neutral-400">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`px-2.5 py-2 font-medium whitespace-nowrap ${column.numeric ? 'text-right' : ''}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {rows.length === 0 ? (
            <tr>
              <td
                colSpan={columns.length}
                className="px-3 py-12 text-center text-neutral-500 dark:text-neutral-400"
              >
                <p className="font-medium text-neutral-700 dark:text-neutral-300">{emptyTitle}</p>
                <p className="mt-1">{empty}</p>
              </td>
            </tr>
          ) : (
            rows.map((row) => <QueryLogTableRow key={row.id} row={row} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

function QueryLogTableRow({ row }: { row: QueryLogRow }) {
  return (
    <tr data-testid="query-log-row" className="hover:bg-neutral-50 dark:hover:bg-neutral-900/60">
      <td className={`${cell} text-neutral-600 dark:text-neutral-400`}>
        <time dateTime={row.createdAt.toISOString()} title={row.createdAt.toISOString()}>
          {formatTime(row.createdAt)}
        </time>
      </td>
      <td className={cell}>{row.userEmail ?? <span className="text-neutral-400">—</span>}</td>
      <td className="max-w-56 px-2.5 py-2 align-top">
        <Link
          href={`/admin/queries/${row.id}`}
          className="block truncate underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-neutral-900 dark:focus-visible:outline-neutral-100"
          title={row.question}
          data-testid="query-log-detail-link"
        >
          {truncate(row.question, 80)}
        </Link>
      </td>
      <td className={cell}>
        {row.route}
        {row.cacheHit && (
          <span className="ml-1.5 rounded bg-sky-50 px-1 py-0.5 text-[11px] text-sky-800 dark:bg-sky-950/40 dark:text-sky-300">
            cached
          </span>
        )}
      </td>
      <td className={cell}>
        <span className="font-mono text-xs" data-testid="query-log-model">
          {row.model ?? <span className="text-neutral-400">—</span>}
        </span>
        {row.routeReason && (
          <span
            className="mt-0.5 block max-w-48 truncate text-[11px] text-neutral-500 dark:text-neutral-400"
            title={row.routeReason}
            data-testid="query-log-route-reason"
          >
            {row.routeReason}
          </span>
        )}
      </td>
      <td className={cell}>
        <StatusBadge status={row.status} />
        {row.errorCode && (
          <span className="mt-0.5 block font-mono text-[11px] text-neutral-500 dark:text-neutral-400">
            {row.errorCode}
          </span>
        )}
      </td>
      <td className={numericCell} data-testid="query-log-confidence">
        {row.confidence === null ? (
          <span className="text-neutral-400">—</span>
        ) : (
          `${Math.round(row.confidence * 100)} %`
        )}
      </td>
      <td className={numericCell} data-testid="query-log-latency">
        {formatInteger(row.latencyMs)}
      </td>
      <td className={numericCell} data-testid="query-log-ttft">
        {formatInteger(row.ttftMs)}
      </td>
      <td className={numericCell} data-testid="query-log-tokens">
        {formatInteger(row.tokensIn)} / {formatInteger(row.tokensOut)}
      </td>
      <td className={numericCell}>{formatCost(row.costUsd)}</td>
    </tr>
  );
}
