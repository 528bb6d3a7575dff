// The rollout safeguard on every instance's job sweep (every `jobs.sweepIntervalSeconds`): rollouts
// whose users' answers fail too often are paused and rolled back within seconds, on any instance.
import 'server-only';
import { defineJob } from '@/lib/jobs/queue';
import { checkRolloutSafeguards } from './safeguard';

export const checkRolloutSafeguardsJob = defineJob<Record<string, never>>({
  name: 'check-rollout-safeguards',
  concurrency: 1,
  run: async () => {
    await checkRolloutSafeguards();
  },
  sweep: async () => {
    await checkRolloutSafeguards();
  },
});
