// Headline numbers over the rows on screen (not all time): how many, how many failed, how fast, cost.
import { formatCost, formatInteger } from '@/components/admin/format';
import type { QueryLogRow } from '@/lib/db/query-logs';

export function QueryLogSummary({ rows }: { rows: QueryLogRow[] }) {
  const failed = rows.filter((row) => row.status === 'ERROR').length;
  const latencies = rows.flatMap((row) => (row.latencyMs === null ? [] : [row.latencyMs]));
  const cost = rows.reduce((sum, row) => sum + row.costUsd, 0);
  const cacheHits = rows.filter((row) => row.cacheHit).length;

  const stats = [
    { label: 'Queries', value: formatInteger(rows.length) },
    { label: 'Errors', value: formatInteger(failed) },
    { label: 'Median latency', value: latencies.length ? `${formatInteger(median(latencies))} ms` : '—' },
    { label: 'Cache hits', value: rows.length ? `${Math.round((cacheHits / rows.length) * 100)}%` : '—' },
    { label: 'Cost', value: formatCost(cost) },
  ];

  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {stats.map((stat) => (
        <div
          key={stat.label}
          className="rounded-xl border border-neutral-200 px-4 py-3 dark:border-neutral-800"
        >
          <dt className="text-xs text-neutral-500 dark:text-neutral-400">{stat.label}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}
