// The query explorer's CSV export: the filtered rows in the filter's order, streamed in batches so a
// million-row export never sits in memory whole. Cells are escaped as the audit export's are (quotes,
// line breaks, and a ' before a leading = + - @ so a spreadsheet never runs a cell as a formula).
import 'server-only';
import { csvCell } from '@/lib/audit/export';
import { assertRole } from '@/lib/auth/roles';
import { exportQueryLogs, type ExportRow } from '@/lib/db/query-explorer';
import type { SessionUser } from '@/lib/db/users';
import type { QueryFilter } from './query-filters';

const COLUMNS: Array<[header: string, value: (row: ExportRow) => unknown]> = [
  ['created_at', (row) => row.createdAt],
  ['id', (row) => row.id],
  ['request_id', (row) => row.requestId],
  ['user_email', (row) => row.userEmail],
  ['route', (row) => row.route],
  ['question', (row) => row.question],
  ['answer', (row) => row.answer],
  ['model', (row) => row.model],
  ['provider', (row) => row.provider],
  ['route_tier', (row) => row.routeTier],
  ['route_reason', (row) => row.routeReason],
  ['status', (row) => row.status],
  ['error_code', (row) => row.errorCode],
  ['degraded', (row) => row.degraded],
  ['cache_hit', (row) => row.cacheHit],
  ['confidence', (row) => row.confidence],
  ['feedback', (row) => row.feedback],
  ['feedback_comment', (row) => row.feedbackComment],
  ['tokens_in', (row) => row.tokensIn],
  ['tokens_out', (row) => row.tokensOut],
  ['cost_usd', (row) => row.costUsd],
  ['latency_ms', (row) => row.latencyMs],
  ['ttft_ms', (row) => row.ttftMs],
];

const line = (cells: unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** Header line, then one line per row; admins only (checked before the first byte). */
export function queryExportStream(
  viewer: SessionUser | null,
  filter: QueryFilter,
): ReadableStream<Uint8Array> {
  assertRole(viewer, ['ADMIN']);
  const encoder = new TextEncoder();
  const batches = exportQueryLogs(viewer, filter);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(line(COLUMNS.map(([header]) => header))));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(
        encoder.encode(next.value.map((row) => line(COLUMNS.map(([, value]) => value(row)))).join('')),
      );
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** The download's file name, e.g. queries-2026-11-26.csv. */
export function queryExportFileName(now = new Date()): string {
  return `queries-${now.toISOString().slice(0, 10)}.csv`;
}
