// Counts requests refused by a rate limit (429) for the admin overview. A refusal must stay cheap, and
// a flood of them must not become a flood of writes: counts are kept in memory per hour and rule and
// added to rate_limit_rollups at most every FLUSH_MS (and on demand), one statement per flush. A
// crash loses at most the last interval's counts, which only the overview's figure would miss.
import 'server-only';
import { addRateLimitRejections } from '@/lib/db/rate-limit-rollups';
import { log } from '@/lib/observability/logger';

const FLUSH_MS = 10_000;
const HOUR = 3_600_000;

type Pending = Map<string, { hour: Date; rule: string; count: number }>;
// On globalThis: Next.js bundles this module into each route and into instrumentation (which flushes
// on shutdown) separately, and all of them must share one set of counts and one timer.
const shared = globalThis as unknown as {
  ragRateLimitRejections?: { pending: Pending; timer: NodeJS.Timeout | null };
};
const state = (shared.ragRateLimitRejections ??= { pending: new Map(), timer: null });
const pending = state.pending;

/** Notes one refusal by `rule`; written with the next flush. */
export function noteRateLimitRejection(rule: string, at: Date = new Date()): void {
  const hour = new Date(Math.floor(at.getTime() / HOUR) * HOUR);
  const key = `${hour.getTime()}:${rule}`;
  const entry = pending.get(key) ?? { hour, rule, count: 0 };
  entry.count += 1;
  pending.set(key, entry);
  if (!state.timer) {
    state.timer = setTimeout(() => void flushRateLimitRejections(), FLUSH_MS);
    state.timer.unref();
  }
}

/** Writes the counts noted so far; a failed write keeps them for the next flush. */
export async function flushRateLimitRejections(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  if (pending.size === 0) return;
  const counts = [...pending.values()];
  pending.clear();
  try {
    await addRateLimitRejections(counts);
  } catch (error) {
    log().warn({ err: error, entries: counts.length }, 'could not record rate-limit rejections');
    for (const entry of counts) {
      const key = `${entry.hour.getTime()}:${entry.rule}`;
      const kept = pending.get(key);
      if (kept) kept.count += entry.count;
      else pending.set(key, entry);
    }
    if (!state.timer) {
      state.timer = setTimeout(() => void flushRateLimitRejections(), FLUSH_MS);
      state.timer.unref();
    }
  }
}
