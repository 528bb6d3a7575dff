// The audit log's export: the filtered rows, oldest first, streamed as CSV or as a JSON array, so a
// large export never sits in memory whole.
import 'server-only';
import { streamAuditEvents, type AuditRow } from '@/lib/db/audit-log';
import type { AuditFilter } from './filter';

export type AuditExportFormat = 'csv' | 'json';

const COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorRole',
  'action',
  'targetType',
  'targetId',
  'reason',
  'ip',
  'requestId',
  'metadata',
  'hash',
] as const;

/**
 * One CSV cell: quoted when it holds a quote, comma or line break; a leading =, +, -, @, tab or CR is
 * prefixed with ' so a spreadsheet never runs it as a formula (CSV injection).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (row: AuditRow): string => `${COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n`;

const jsonRow = (row: AuditRow): string => JSON.stringify({ ...row, at: row.at.toISOString() });

/** The export's body: header line then rows (CSV), or one JSON array with a row per line. */
export function auditExportStream(
  filter: AuditFilter,
  format: AuditExportFormat,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = streamAuditEvents(filter);
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? `${COLUMNS.join(',')}\r\n` : '['));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (format === 'json') controller.enqueue(encoder.encode(first ? ']\n' : '\n]\n'));
        controller.close();
        return;
      }
      const text =
        format === 'csv'
          ? next.value.map(csvLine).join('')
          : next.value.map((row) => `${first ? ((first = false), '\n') : ',\n'}${jsonRow(row)}`).join('');
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** The download's file name, e.g. audit-2026-11-26.csv. */
export function exportFileName(format: AuditExportFormat, now = new Date()): string {
  return `audit-${now.toISOString().slice(0, 10)}.${format}`;
}
