// Keeps the answer cache small: expired answers and those of older corpus versions (never served
// again) are deleted by each instance's job sweep, at most once per `answerCache.purgeIntervalSeconds`.
import 'server-only';
import { answerCache } from '@/lib/config';
import { defineJob } from '@/lib/jobs/queue';
import { log } from '@/lib/observability/logger';
import { purgeExpiredAnswers } from './answer-cache';

let lastPurge = 0;

async function purge(): Promise<void> {
  const removed = await purgeExpiredAnswers();
  if (removed) log().info({ removed }, 'expired cached answers removed');
}

export const purgeAnswerCacheJob = defineJob<Record<string, never>>({
  name: 'purge-answer-cache',
  concurrency: 1,
  run: purge,
  sweep: async () => {
    if (Date.now() - lastPurge < answerCache.purgeIntervalSeconds * 1000) return;
    lastPurge = Date.now();
    await purge();
  },
});
