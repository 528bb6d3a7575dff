// Query logs: one row per accepted request, written by the pipeline and read by the admin console.
import 'server-only';
import { assertRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/http/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';
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

// Written by group commit (group-commit.ts): under load, the rows of answers that end together go in
// one INSERT, in a transaction that is rolled back (and the rows written one by one) should they come
// back in another order than they went in.
const insertQueryLog = groupCommit<Prisma.QueryLogCreateManyInput, { id: string }>({
  max: 100,
  writeOne: (data) => db().queryLog.create({ data, select: { id: true } }),
  writeBatch: (rows) =>
    db().$transaction(async (tx) => {
      const written = await tx.queryLog.createManyAndReturn({
        data: rows,
        select: { id: true, requestId: true },
      });
      if (written.some((row, i) => row.requestId !== rows[i]!.requestId))
        throw new Error('query logs came back in another order than they were written');
      return written.map(({ id }) => ({ id }));
    }),
});

export async function createQueryLog(entry: NewQueryLog): Promise<{ id: string }> {
  // A JSON column is left out rather than set to null (Prisma tells JSON null from SQL NULL).
  const { explanation, biasFlags, ...fields } = entry;
  return insertQueryLog({
    ...fields,
    // The trace of the request that wrote it, so a slow or failed answer leads to its spans.
    traceId: currentTraceId(),
    ...(explanation ? { explanation } : {}),
    ...(biasFlags ? { biasFlags } : {}),
  });
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
