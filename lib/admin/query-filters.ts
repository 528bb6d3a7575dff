// The query explorer's filters and sort, one zod schema for the page's search params, the CSV export's
// query and the data layer (lib/db/query-explorer.ts). Dates are inclusive days in UTC.
import { z } from 'zod';
import { confidence } from '@/lib/config';

/** Rows per page of the query explorer. */
export const QUERY_PAGE_SIZE = 50;

/** Rows read per database round trip while exporting. */
export const QUERY_EXPORT_BATCH = 1_000;

/** "Low confidence" in the explorer: below the score at which an answer passes as it is. */
export const LOW_CONFIDENCE_BELOW = confidence.pass;

export const QUERY_ROUTES = ['chat', 'api', 'api-stream', 'api-async'] as const;
export const QUERY_STATUSES = ['OK', 'ERROR', 'REJECTED', 'DEGRADED'] as const;
export const QUERY_SORTS = ['newest', 'oldest', 'slowest', 'costliest'] as const;
export type QuerySort = (typeof QUERY_SORTS)[number];

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const text = (max: number) => optional(z.string().trim().max(max));
const day = optional(
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'a real date'),
);

export const queryFilterSchema = z
  .object({
    /** Case-insensitive substring of the question. */
    q: text(200),
    /** Case-insensitive substring of the asker's email. */
    user: text(200),
    model: text(100),
    route: optional(z.enum(QUERY_ROUTES)),
    status: optional(z.enum(QUERY_STATUSES)),
    cache: optional(z.enum(['hit', 'miss'])),
    /** Only answers scored below LOW_CONFIDENCE_BELOW. */
    low: optional(z.enum(['1'])),
    /** up / down: rated so; rated: either; none: not rated. */
    feedback: optional(z.enum(['up', 'down', 'rated', 'none'])),
    from: day,
    to: day,
    sort: optional(z.enum(QUERY_SORTS)),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: '"from" must not be after "to"',
    path: ['to'],
  });

export type QueryFilter = z.infer<typeof queryFilterSchema>;

/** The page's params: the filter and the cursor of the page to show. */
export const queryListSchema = z.object({
  filter: queryFilterSchema,
  after: optional(
    z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, 'a page cursor'),
  ),
});

const KEYS = [
  'q',
  'user',
  'model',
  'route',
  'status',
  'cache',
  'low',
  'feedback',
  'from',
  'to',
  'sort',
] as const;

/** URL search params (or a Next.js searchParams record) to a plain record of first values. */
export function firstValues(
  raw: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries =
    raw instanceof URLSearchParams
      ? [...raw.keys()].map((key) => [key, raw.get(key) ?? undefined] as const)
      : Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const);
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * The page's filter from its search params: what parses is kept, a param that does not is dropped
 * and named in `ignored`, so a bad link still shows rows and says what it left out.
 */
export function parseQueryPageParams(raw: Record<string, string | string[] | undefined>): {
  filter: QueryFilter;
  after?: string;
  ignored: string[];
} {
  const values = firstValues(raw);
  const picked: Record<string, string> = {};
  const ignored: string[] = [];
  for (const key of KEYS) {
    if (values[key] === undefined) continue;
    const single = queryFilterSchema.safeParse({ [key]: values[key] });
    if (single.success) picked[key] = values[key];
    else ignored.push(key);
  }
  let filter = queryFilterSchema.safeParse(picked);
  if (!filter.success) {
    // Each date parsed alone but not together (from after to): leave both out.
    ignored.push('from', 'to');
    delete picked.from;
    delete picked.to;
    filter = queryFilterSchema.safeParse(picked);
  }
  const after = queryListSchema.shape.after.safeParse(values.after);
  if (!after.success) ignored.push('after');
  return {
    filter: filter.success ? filter.data : {},
    ...(after.success && after.data ? { after: after.data } : {}),
    ignored,
  };
}

/** The export's filter from its URL: strict, a param that does not parse is a 400 (ZodError). */
export function parseQueryExportParams(params: URLSearchParams): QueryFilter {
  return queryFilterSchema.parse(firstValues(params));
}

/** The filter as search params (empty values left out), with extras such as a cursor. */
export function queryFilterHref(
  path: string,
  filter: QueryFilter,
  extra: Record<string, string> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra }))
    if (value) search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The first instant of `from` and the first instant after `to`. */
export function dateBounds(filter: QueryFilter): { gte?: Date; lt?: Date } {
  const bounds: { gte?: Date; lt?: Date } = {};
  if (filter.from) bounds.gte = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) bounds.lt = new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 86_400_000);
  return bounds;
}
