// The audit log's filter, one zod schema for the page's search params, the export's query and the
// data layer: action prefix, actor, target, and a date range (dates inclusive, UTC).
import { z } from 'zod';

/** Rows per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

const text = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);
const day = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      .optional(),
  );

export const auditFilterSchema = z.object({
  /** Matches actions starting with it: `user.` or `user.role_changed`. */
  action: text,
  actor: text,
  target: text,
  from: day,
  to: day,
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditListSchema = auditFilterSchema.extend({
  /** Rows older than this seq (the cursor of the next page). */
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
});

export const auditExportSchema = auditFilterSchema.extend({
  format: z.enum(['csv', 'json']).default('csv'),
});

/** The first instant of `from` and the first instant after `to`. */
export function dateBounds(filter: AuditFilter): { gte?: Date; lt?: Date } {
  const bounds: { gte?: Date; lt?: Date } = {};
  if (filter.from) bounds.gte = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) bounds.lt = new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000);
  return bounds;
}

/** Search params to a record of strings (the first of repeated values). */
export function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
}
