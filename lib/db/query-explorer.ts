// The query explorer's reads: filtered, sorted pages of the query log by keyset cursor, one query's
// detail, and the filtered rows in batches for export. Admins only, checked here as well as by pages.
import 'server-only';
import {
  dateBounds,
  LOW_CONFIDENCE_BELOW,
  QUERY_EXPORT_BATCH,
  QUERY_PAGE_SIZE,
} from '@/lib/admin/query-filters';
import type { QueryFilter, QuerySort } from '@/lib/admin/query-filters';
import { assertRole } from '@/lib/auth/roles';
import { Prisma } from '@/lib/generated/prisma/client';
import type { QueryStatus } from '@/lib/generated/prisma/enums';
import { db } from './client';
import type { QueryLogRow } from './query-logs';
import type { SessionUser } from './users';

export type ExplorerRow = QueryLogRow & { feedback: number | null };

export type ExplorerPage = {
  rows: ExplorerRow[];
  /** The cursor of the next page, null on the last. */
  next: string | null;
};

// created_at is a timestamp without time zone holding UTC: compare it with the UTC wall time.
const utcWallTime = (at: Date) => at.toISOString().slice(0, 23).replace('T', ' ');

type SortSpec = { key: Prisma.Sql; descending: boolean; cast: Prisma.Sql };

// Each sort orders by a key and then by id, so the order is total and a cursor names one position.
// Nulls would break the row comparison, so a missing latency sorts as -1 (after every real one).
const SORTS: Record<QuerySort, SortSpec> = {
  newest: { key: Prisma.sql`q.created_at`, descending: true, cast: Prisma.sql`timestamp` },
  oldest: { key: Prisma.sql`q.created_at`, descending: false, cast: Prisma.sql`timestamp` },
  slowest: { key: Prisma.sql`COALESCE(q.latency_ms, -1)`, descending: true, cast: Prisma.sql`int4` },
  costliest: { key: Prisma.sql`q.cost_usd`, descending: true, cast: Prisma.sql`numeric` },
};

/** A LIKE pattern matching `text` anywhere, with its own wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Users a user filter can match at most; a broader filter asks for a narrower search. */
const MAX_FILTER_USERS = 500;

/**
 * The ids of the users whose email contains the filter, looked up first: the page query then filters
 * on known ids, which the (user_id, created_at) index serves in order (a subquery left the planner
 * walking the whole log by date).
 */
async function matchingUserIds(text: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE email ILIKE ${containsPattern(text)} LIMIT ${MAX_FILTER_USERS}`;
  return rows.map((row) => row.id);
}

function conditions(filter: QueryFilter, userIds: string[] | null): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.q) where.push(Prisma.sql`q.question ILIKE ${containsPattern(filter.q)}`);
  if (userIds)
    where.push(
      userIds.length === 1
        ? Prisma.sql`q.user_id = ${userIds[0]}`
        : Prisma.sql`q.user_id = ANY(${userIds}::text[])`,
    );
  if (filter.model) where.push(Prisma.sql`q.model = ${filter.model}`);
  if (filter.route) where.push(Prisma.sql`q.route = ${filter.route}`);
  if (filter.status) where.push(Prisma.sql`q.status = ${filter.status}::"QueryStatus"`);
  if (filter.cache) where.push(Prisma.sql`q.cache_hit = ${filter.cache === 'hit'}`);
  if (filter.low) where.push(Prisma.sql`q.confidence < ${LOW_CONFIDENCE_BELOW}`);
  if (filter.feedback === 'up') where.push(Prisma.sql`q.feedback = 1`);
  if (filter.feedback === 'down') where.push(Prisma.sql`q.feedback = -1`);
  if (filter.feedback === 'rated') where.push(Prisma.sql`q.feedback IS NOT NULL`);
  if (filter.feedback === 'none') where.push(Prisma.sql`q.feedback IS NULL`);
  const at = dateBounds(filter);
  if (at.gte) where.push(Prisma.sql`q.created_at >= ${utcWallTime(at.gte)}::timestamp`);
  if (at.lt) where.push(Prisma.sql`q.created_at < ${utcWallTime(at.lt)}::timestamp`);
  return where;
}

type Cursor = { value: string; id: string };

/** An opaque cursor: the last row's sort value and id, base64url JSON. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/** The cursor, or null when it is not one of ours (the page then starts from the top). */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      parsed[0].length <= 40 &&
      parsed[1].length <= 40
    )
      return { value: parsed[0], id: parsed[1] };
  } catch {
    // Not base64url JSON.
  }
  return null;
}

/** The cursor's value is checked against the sort before it reaches SQL (a bad one starts over). */
function validCursorValue(sort: QuerySort, value: string): boolean {
  if (sort === 'newest' || sort === 'oldest')
    return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/.test(value);
  if (sort === 'slowest') return /^-?\d{1,10}$/.test(value);
  return /^\d{1,12}(\.\d{1,6})?$/.test(value);
}

type RawRow = {
  id: string;
  created_at: Date;
  question: string;
  route: string;
  model: string | null;
  provider: string | null;
  route_tier: string | null;
  route_reason: string | null;
  confidence: number | null;
  latency_ms: number | null;
  ttft_ms: number | null;
  tokens_in: number;
  tokens_out: number;
  cost_usd: Prisma.Decimal | string | number;
  cache_hit: boolean;
  status: QueryStatus;
  error_code: string | null;
  feedback: number | null;
  user_email: string | null;
  sort_value: string;
};

const toRow = (row: RawRow): ExplorerRow => ({
  id: row.id,
  createdAt: row.created_at,
  question: row.question,
  route: row.route,
  model: row.model,
  provider: row.provider,
  routeTier: row.route_tier,
  routeReason: row.route_reason,
  confidence: row.confidence,
  latencyMs: row.latency_ms,
  ttftMs: row.ttft_ms,
  tokensIn: row.tokens_in,
  tokensOut: row.tokens_out,
  costUsd: Number(row.cost_usd),
  cacheHit: row.cache_hit,
  status: row.status,
  errorCode: row.error_code,
  feedback: row.feedback === null ? null : Number(row.feedback),
  userEmail: row.user_email,
});

/** One keyset page of rows (plus one, to know whether another page follows) with extra columns. */
async function readPage<Extra extends object>(
  filter: QueryFilter,
  cursor: Cursor | null,
  limit: number,
  extra: Prisma.Sql = Prisma.empty,
): Promise<Array<RawRow & Extra>> {
  const sort = SORTS[filter.sort ?? 'newest'];
  const userIds = filter.user ? await matchingUserIds(filter.user) : null;
  if (userIds?.length === 0) return [];
  const where = conditions(filter, userIds);
  if (cursor && validCursorValue(filter.sort ?? 'newest', cursor.value)) {
    const position = Prisma.sql`(${sort.key}, q.id)`;
    const bound = Prisma.sql`(${cursor.value}::${sort.cast}, ${cursor.id})`;
    where.push(sort.descending ? Prisma.sql`${position} < ${bound}` : Prisma.sql`${position} > ${bound}`);
  }
  const direction = sort.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // The sort value goes back as text: the cursor must carry it exactly (a timestamp to the millisecond).
  const sortValue =
    filter.sort === 'newest' || filter.sort === 'oldest' || filter.sort === undefined
      ? Prisma.sql`to_char(q.created_at, 'YYYY-MM-DD HH24:MI:SS.MS')`
      : Prisma.sql`(${sort.key})::text`;
  return db().$queryRaw<Array<RawRow & Extra>>`
    SELECT q.id, q.created_at, q.question, q.route, q.model, q.provider, q.route_tier, q.route_reason,
           q.confidence, q.latency_ms, q.ttft_ms, q.tokens_in, q.tokens_out, q.cost_usd, q.cache_hit,
           q.status::text AS status, q.error_code, q.feedback, u.email AS user_email,
           ${sortValue} AS sort_value ${extra}
    FROM query_logs q
    LEFT JOIN users u ON u.id = q.user_id
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty}
    ORDER BY ${sort.key} ${direction}, q.id ${direction}
    LIMIT ${limit}`;
}

/**
 * One page of the query log, 50 rows, filtered and sorted; `cursor` is the `next` of the page before.
 * Pages stay stable while rows are added: a cursor names a position in the order, not an offset.
 */
export async function searchQueryLogs(
  viewer: SessionUser | null,
  filter: QueryFilter,
  cursor?: string,
): Promise<ExplorerPage> {
  assertRole(viewer, ['ADMIN']);
  const rows = await readPage(filter, decodeCursor(cursor), QUERY_PAGE_SIZE + 1);
  const kept = rows.slice(0, QUERY_PAGE_SIZE);
  const last = kept.at(-1);
  return {
    rows: kept.map(toRow),
    next:
      rows.length > QUERY_PAGE_SIZE && last ? encodeCursor({ value: last.sort_value, id: last.id }) : null,
  };
}

export type ExportRow = ExplorerRow & {
  requestId: string;
  answer: string | null;
  degraded: boolean;
  feedbackComment: string | null;
};

type ExportExtra = {
  request_id: string;
  answer: string | null;
  degraded: boolean;
  feedback_comment: string | null;
};

/** Every row the filter matches, in the filter's order, `batchSize` rows a round trip. */
export async function* exportQueryLogs(
  viewer: SessionUser | null,
  filter: QueryFilter,
  batchSize = QUERY_EXPORT_BATCH,
): AsyncGenerator<ExportRow[]> {
  assertRole(viewer, ['ADMIN']);
  let cursor: Cursor | null = null;
  for (;;) {
    const rows: Array<RawRow & ExportExtra> = await readPage<ExportExtra>(
      filter,
      cursor,
      batchSize,
      Prisma.sql`, q.request_id, q.answer, q.degraded, q.feedback_comment`,
    );
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      ...toRow(row),
      requestId: row.request_id,
      answer: row.answer,
      degraded: row.degraded,
      feedbackComment: row.feedback_comment,
    }));
    if (rows.length < batchSize) return;
    const last = rows.at(-1)!;
    cursor = { value: last.sort_value, id: last.id };
  }
}

export type QueryLogDetail = Awaited<ReturnType<typeof readDetail>>;

function readDetail(id: string) {
  return db().queryLog.findUnique({
    where: { id },
    include: {
      user: { select: { email: true, group: true } },
      apiKey: { select: { name: true, prefix: true } },
      reviewItems: { select: { id: true, status: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
  });
}

/** One query with everything recorded about it; null when there is no such row. */
export async function getQueryLogDetail(viewer: SessionUser | null, id: string): Promise<QueryLogDetail> {
  assertRole(viewer, ['ADMIN']);
  return readDetail(id);
}
