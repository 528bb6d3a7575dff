// Asynchronous queries (POST /api/v1/query/async): the request, its job and, once answered, the result.
import 'server-only';
import type { AsyncQueryStatus } from '@/lib/generated/prisma/enums';
import { db } from './client';

export type AsyncQueryRow = {
  id: string;
  userId: string;
  apiKeyId: string | null;
  requestId: string;
  request: unknown;
  status: AsyncQueryStatus;
  result: unknown;
  error: unknown;
  jobId: string | null;
  attempts: number;
  createdAt: Date;
};

export async function createAsyncQuery(input: {
  userId: string;
  apiKeyId: string | null;
  requestId: string;
  request: object;
}): Promise<{ id: string }> {
  return db().asyncQuery.create({ data: input, select: { id: true } });
}

export async function setAsyncQueryJob(id: string, jobId: string): Promise<void> {
  await db().asyncQuery.updateMany({ where: { id, status: 'PROCESSING' }, data: { jobId } });
}

export async function findAsyncQuery(id: string): Promise<AsyncQueryRow | null> {
  return db().asyncQuery.findUnique({ where: { id } });
}

/** Counts an attempt at a query still being processed; null when it is already finished. */
export async function beginAsyncAttempt(id: string): Promise<AsyncQueryRow | null> {
  const { count } = await db().asyncQuery.updateMany({
    where: { id, status: 'PROCESSING' },
    data: { attempts: { increment: 1 } },
  });
  return count ? findAsyncQuery(id) : null;
}

export async function completeAsyncQuery(
  id: string,
  result: object,
  queryLogId: string | null,
): Promise<void> {
  await db().asyncQuery.updateMany({
    where: { id, status: 'PROCESSING' },
    data: { status: 'COMPLETED', result, queryLogId, completedAt: new Date() },
  });
}

export async function failAsyncQuery(id: string, error: { code: string; message: string }): Promise<void> {
  await db().asyncQuery.updateMany({
    where: { id, status: 'PROCESSING' },
    data: { status: 'FAILED', error, completedAt: new Date() },
  });
}

/** Queries still processing that were accepted before `before`: the sweep checks their jobs. */
export async function findWaitingAsyncQueries(
  before: Date,
  limit = 100,
): Promise<Array<{ id: string; jobId: string | null }>> {
  return db().asyncQuery.findMany({
    where: { status: 'PROCESSING', createdAt: { lt: before } },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true, jobId: true },
  });
}
