// POST /api/v1/query/async: the question is stored and answered by a job on the shared queue, so it
// survives a restart and runs on whichever instance is free; GET /api/v1/query/{id} reads the result.
import 'server-only';
import { jobs } from '@/lib/config';
import {
  beginAsyncAttempt,
  completeAsyncQuery,
  createAsyncQuery,
  failAsyncQuery,
  findAsyncQuery,
  findWaitingAsyncQueries,
  setAsyncQueryJob,
} from '@/lib/db/async-queries';
import { AppError, toAppError } from '@/lib/http/errors';
import { defineJob, enqueue, jobState, type JobMeta } from '@/lib/jobs/queue';
import { log } from '@/lib/observability/logger';
import { answerQuery, type ApiCaller } from './query';
import { queryRequestSchema, type AsyncQueryStatus, type QueryRequest } from './schemas';

export const ANSWER_QUERY_JOB = 'answer-query';
type AnswerQueryJobData = { asyncQueryId: string };

/** An answer takes seconds: a job silent for this long is taken back and retried elsewhere. */
const JOB_EXPIRE_SECONDS = 120;
const JOB_RETRY_LIMIT = 2;
const LIVE = new Set(['created', 'retry', 'active']);

async function enqueueAnswer(asyncQueryId: string): Promise<void> {
  const jobId = await enqueue(ANSWER_QUERY_JOB, { asyncQueryId } satisfies AnswerQueryJobData, {
    expireInSeconds: JOB_EXPIRE_SECONDS,
    retryLimit: JOB_RETRY_LIMIT,
  });
  await setAsyncQueryJob(asyncQueryId, jobId);
}

/** Stores the request and queues its job; a queue that is briefly down is caught up by the sweep. */
export async function submitAsyncQuery(
  caller: ApiCaller,
  body: QueryRequest,
): Promise<{ query_id: string; status: 'processing' }> {
  const { id } = await createAsyncQuery({
    userId: caller.user.id,
    apiKeyId: caller.apiKeyId,
    requestId: caller.requestId,
    request: body,
  });
  await enqueueAnswer(id).catch((error: unknown) =>
    log().warn({ err: error, asyncQueryId: id }, 'could not queue an async query; the sweep will'),
  );
  return { query_id: id, status: 'processing' };
}

/**
 * The caller's async query: a key sees only the queries it asked, a signed-in session only its
 * user's. Anything else is 404, whether or not it exists.
 */
export async function readAsyncQuery(caller: ApiCaller, id: string): Promise<AsyncQueryStatus> {
  const row = await findAsyncQuery(id);
  const mine = row && row.userId === caller.user.id && row.apiKeyId === caller.apiKeyId;
  if (!row || !mine) throw new AppError('not_found', 'Query not found.');
  if (row.status === 'PROCESSING') return { query_id: row.id, status: 'processing' };
  if (row.status === 'FAILED')
    return { query_id: row.id, status: 'failed', error: row.error as { code: string; message: string } };
  return {
    ...(row.result as Omit<Extract<AsyncQueryStatus, { status: 'completed' }>, 'query_id' | 'status'>),
    query_id: row.id,
    status: 'completed',
  };
}

/** The job: answers the stored request once; a finished query is left alone (a retry is a no-op). */
export async function runAsyncQuery(asyncQueryId: string, job: JobMeta): Promise<void> {
  const row = await beginAsyncAttempt(asyncQueryId);
  if (!row) return;
  const request = queryRequestSchema.parse(row.request);
  try {
    const result = await answerQuery(
      { user: { id: row.userId }, apiKeyId: row.apiKeyId, requestId: row.requestId },
      request,
      'api-async',
    );
    await completeAsyncQuery(row.id, result, result.query_id);
  } catch (error) {
    const appError = toAppError(error);
    // A request that cannot succeed (its conversation was deleted) fails now; others are retried.
    const final = appError.status < 500 || job.retryCount >= job.retryLimit;
    if (!final) throw error;
    log().warn({ err: error, asyncQueryId }, 'async query failed');
    await failAsyncQuery(row.id, { code: appError.code, message: appError.message });
  }
}

/** Puts back queries whose job is gone (never queued, or lost), and fails those whose job gave up. */
export async function recoverAsyncQueries(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - jobs.stalledAfterSeconds * 1000);
  let requeued = 0;
  for (const query of await findWaitingAsyncQueries(before)) {
    const state = query.jobId ? await jobState(ANSWER_QUERY_JOB, query.jobId) : null;
    if (state && LIVE.has(state)) continue;
    if (state === 'failed') {
      await failAsyncQuery(query.id, {
        code: 'service_unavailable',
        message: 'The answer could not be generated. Please try again.',
      });
      continue;
    }
    requeued += 1;
    await enqueueAnswer(query.id);
  }
  if (requeued) log().info({ requeued }, 'async queries put back on the queue');
  return requeued;
}

export const answerQueryJob = defineJob<AnswerQueryJobData>({
  name: ANSWER_QUERY_JOB,
  concurrency: jobs.asyncQueryConcurrency,
  run: (data, job) => runAsyncQuery(data.asyncQueryId, job),
  sweep: async () => {
    await recoverAsyncQueries();
  },
});
