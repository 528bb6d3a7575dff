// The error-rate check on every instance's job sweep (every `jobs.sweepIntervalSeconds`), so the
// switch trips even when no new failure arrives, e.g. as the window's older successes age out.
import 'server-only';
import { defineJob } from '@/lib/jobs/queue';
import { checkErrorRate } from './kill-switch';

export const checkErrorRateJob = defineJob<Record<string, never>>({
  name: 'check-error-rate',
  concurrency: 1,
  run: async () => {
    await checkErrorRate();
  },
  sweep: async () => {
    await checkErrorRate();
  },
});
