// Deletes sessions that ended (signed out, revoked, idle or past their end) more than a day ago; an
// ended session admits nobody, so this only keeps the table small. Each instance's job sweep runs it
// at most once an hour.
import 'server-only';
import { deleteEndedSessions } from '@/lib/db/sessions';
import { defineJob } from '@/lib/jobs/queue';
import { log } from '@/lib/observability/logger';

const INTERVAL_MS = 60 * 60 * 1000;
let lastPurge = 0;

async function purge(): Promise<void> {
  const removed = await deleteEndedSessions();
  if (removed) log().info({ removed }, 'ended sessions removed');
}

export const purgeSessionsJob = defineJob<Record<string, never>>({
  name: 'purge-sessions',
  concurrency: 1,
  run: purge,
  sweep: async () => {
    if (Date.now() - lastPurge < INTERVAL_MS) return;
    lastPurge = Date.now();
    await purge();
  },
});
