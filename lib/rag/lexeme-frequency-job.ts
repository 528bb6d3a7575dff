// Counts every lexeme's document frequency after the corpus changes, on each instance's job sweep
// (every `jobs.sweepIntervalSeconds`; one instance counts at a time, at most once per
// `retrieval.lexemeFrequencyRefreshSeconds` and per 30 times the last count's duration), so
// questions read their lexemes' frequencies instead of counting them.
import 'server-only';
import { retrieval } from '@/lib/config';
import { refreshLexemeFrequencies } from '@/lib/db/lexeme-frequencies';
import { defineJob } from '@/lib/jobs/queue';
import { log } from '@/lib/observability/logger';

async function refresh(): Promise<void> {
  const counted = await refreshLexemeFrequencies({
    minIntervalSeconds: retrieval.lexemeFrequencyRefreshSeconds,
  });
  if (counted) log().info(counted, 'lexeme frequencies counted for the corpus version');
}

export const countLexemeFrequenciesJob = defineJob<Record<string, never>>({
  name: 'count-lexeme-frequencies',
  concurrency: 1,
  run: refresh,
  sweep: refresh,
});
