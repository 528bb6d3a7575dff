// Query logs: one row per accepted request, written by the pipeline and read by the admin console.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { assertRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/http/errors';
import { db } from './client';
import { queryRows } from './sql';
import { groupCommit } from './group-commit';
import type { SessionUser } from './users';
import type { QueryStatus } from '@/lib/generated/prisma/enums';
import { currentTraceId } from '@/lib/observability/tracing';

export type NewQueryLog = {
  requestId: string;
  userId?: string | null;
  apiKeyId?: string | null;
  conversationId?: string | null;
  route: string;
  question: string;
  answer?: string | null;
  sources?: object[];
  model?: string | null;
  provider?: string | null;
  routeTier?: string | null;
  routeReason?: string | null;
  attempts?: object[];
  degraded?: boolean;
  tokensCounted?: boolean;
  explanation?: object | null;
  tokensIn?: number;
  tokensOut?: number;
  costUsd?: number;
  latencyMs?: number | null;
  ttftMs?: number | null;
  cacheHit?: boolean;
  cacheEntryId?: string | null;
  status: QueryStatus;
  errorCode?: string | null;
  confidence?: number | null;
  /** What the bias screen found (lib/fairness/bias-screen.ts); null or absent when not screened. */
  biasFlags?: object[] | null;
  /** The variant of every feature flag the answer was served with. */
  flags?: Record<string, string>;
};

/**
 * One query_logs row under its column names, every NOT NULL column given (jsonb_populate_recordset
 * below fills a missing key with NULL, not the column's default). The id is a UUID made here, so each
 * writer knows its row's id before the row is written, whichever batch it goes in.
 */
function toRow(entry: NewQueryLog): Record<string, unknown> & { id: string } {
  return {
    id: randomUUID(),
    request_id: entry.requestId,
    // The trace of the request that wrote it, so a slow or failed answer leads to its spans.
    trace_id: currentTraceId() ?? null,
    user_id: entry.userId ?? null,
    api_key_id: entry.apiKeyId ?? null,
    conversation_id: entry.conversationId ?? null,
    route: entry.route,
    question: entry.question,
    answer: entry.answer ?? null,
    sources: entry.sources ?? [],
    model: entry.model ?? null,
    provider: entry.provider ?? null,
    route_tier: entry.routeTier ?? null,
    route_reason: entry.routeReason ?? null,
    attempts: entry.attempts ?? [],
    degraded: entry.degraded ?? false,
    tokens_counted: entry.tokensCounted ?? false,
    explanation: entry.explanation ?? null,
    tokens_in: entry.tokensIn ?? 0,
    tokens_out: entry.tokensOut ?? 0,
    cost_usd: entry.costUsd ?? 0,
    latency_ms: entry.latencyMs ?? null,
    ttft_ms: entry.ttftMs ?? null,
    cache_hit: entry.cacheHit ?? false,
    cache_entry_id: entry.cacheEntryId ?? null,
    flags: entry.flags ?? {},
    status: entry.status,
    error_code: entry.errorCode ?? null,
    confidence: entry.confidence ?? null,
    bias_flags: entry.biasFlags ?? null,
    // UTC without a time zone, as Prisma writes the other timestamps.
    created_at: new Date().toISOString(),
  };
}

// Written by group commit (group-commit.ts): the rows of answers that end while the previous write is
// in flight go in one INSERT. One statement text for any number of rows, so it is prepared once.
const insertQueryLogs = groupCommit<Record<string, unknown>, void>({
  max: 100,
  writeOne: (row) => insertRows([row]),
  writeBatch: async (rows) => {
    await insertRows(rows);
    return rows.map(() => undefined);
  },
});

// The columns toRow fills, in its order (generated columns such as question_key are left out).
let columns: string | undefined;

async function insertRows(rows: Record<string, unknown>[]): Promise<void> {
  columns ??= Object.keys(rows[0]!)
    .map((column) => `"${column}"`)
    .join(', ');
  await queryRows(
    `INSERT INTO query_logs (${columns})
    SELECT ${columns} FROM jsonb_populate_recordset(NULL::query_logs, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

export async function createQueryLog(entry: NewQueryLog): Promise<{ id: string }> {
  const row = toRow(entry);
  await insertQueryLogs(row);
  return { id: row.id };
}

export type QueryLogRow = {
  id: string;
  createdAt: Date;
  question: string;
  route: string;
  model: string | null;
  provider: string | null;
  /** small | large, and why the router chose it. */
  routeTier: string | null;
  routeReason: string | null;
  confidence: number | null;
  latencyMs: number | null;
  ttftMs: number | null;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  cacheHit: boolean;
  status: QueryStatus;
  errorCode: string | null;
  userEmail: string | null;
};

/** The newest query logs; admins only (checked here as well as by the page). */
export async function listRecentQueryLogs({
  viewer,
  limit,
}: {
  viewer: SessionUser | null;
  limit: number;
}): Promise<QueryLogRow[]> {
  assertRole(viewer, ['ADMIN']);
  const rows = await db().queryLog.findMany({
    orderBy: { createdAt: 'desc' },
    take: limit,
    include: { user: { select: { email: true } } },
  });
  return rows.map(({ user, costUsd, ...row }) => ({
    id: row.id,
    createdAt: row.createdAt,
    question: row.question,
    route: row.route,
    model: row.model,
    provider: row.provider,
    routeTier: row.routeTier,
    routeReason: row.routeReason,
    confidence: row.confidence,
    latencyMs: row.latencyMs,
    ttftMs: row.ttftMs,
    tokensIn: row.tokensIn,
    tokensOut: row.tokensOut,
    costUsd: Number(costUsd),
    cacheHit: row.cacheHit,
    status: row.status,
    errorCode: row.errorCode,
    userEmail: user?.email ?? null,
  }));
}

/**
 * Records the asker's rating of an answer (1 up, -1 down) with an optional comment, replacing an
 * earlier one. Only the user who asked may rate it; anyone else gets 404.
 */
export async function recordFeedback(input: {
  userId: string;
  queryLogId: string;
  rating: 1 | -1;
  comment: string | null;
}): Promise<void> {
  const { count } = await db().queryLog.updateMany({
    where: { id: input.queryLogId, userId: input.userId },
    data: { feedback: input.rating, feedbackComment: input.comment, feedbackAt: new Date() },
  });
  if (count === 0) throw new AppError('not_found', 'Answer not found.');
}
