// The kill switch: while it is on, every door that answers questions (chat, /api/v1/query, /stream,
// /async) refuses with 503 `service_paused`. People turn it on and off with a reason; the error-rate
// trip turns it on by itself and never off. The state lives in Postgres (`system_state.kill_switch`)
// and each instance re-reads it at most every `killSwitch.pollIntervalMs`, so all see a change within
// that time while the check costs no database read on most requests.
import 'server-only';
import { killSwitch as settings } from '@/lib/config';
import {
  countAnswerOutcomes,
  engageKillSwitch,
  NEVER_CHANGED,
  readKillSwitch,
  releaseKillSwitch,
  tripKillSwitch,
  type KillSwitchState,
} from '@/lib/db/kill-switch';
import type { SessionUser } from '@/lib/db/users';
import { AppError } from '@/lib/http/errors';
import { log } from '@/lib/observability/logger';
import { setMetricsReader } from '@/lib/observability/metrics';
import { judgeErrorWindow, tripReason, type WindowVerdict } from './error-window';
import { pollingCache, throttled, type PollingCache } from './polling-cache';

export type { KillSwitchState } from '@/lib/db/kill-switch';

type Holder = { ragKillSwitch?: PollingCache<KillSwitchState> };
const holder = globalThis as unknown as Holder;

function cache(): PollingCache<KillSwitchState> {
  holder.ragKillSwitch ??= pollingCache({
    read: readKillSwitch,
    maxAgeMs: settings.pollIntervalMs,
    // Unreadable on the first try: the database is down, and the answer path fails on its own.
    fallback: NEVER_CHANGED,
    onError: (error) => log().warn({ err: error }, 'could not read the kill switch; keeping the last state'),
  });
  return holder.ragKillSwitch;
}

/** The switch as this instance knows it: at most `killSwitch.pollIntervalMs` old. */
export function currentKillSwitch(): Promise<KillSwitchState> {
  return cache().get();
}

// `rag_kill_switch_engaged` on /api/metrics, read from the same cache at scrape time. Registered when
// this module loads: at start-up through the job worker, else with the first question or page visit.
setMetricsReader('killSwitchEngaged', async () => (await currentKillSwitch()).engaged);

/** What a paused caller is told: the admin's reason when a person paused answers. */
export function pausedMessage(state: KillSwitchState): string {
  if (state.automatic || !state.reason)
    return state.automatic
      ? 'Answers are paused automatically because too many recent answers failed. An administrator will turn them back on.'
      : 'Answers are paused by an administrator. Please try again later.';
  const reason = state.reason.trim();
  return `Answers are paused by an administrator: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`;
}

/** Throws 503 `service_paused` while the switch is on. Call after authentication, before any work. */
export async function assertServiceAvailable(): Promise<void> {
  const state = await currentKillSwitch();
  if (!state.engaged) return;
  throw new AppError('service_paused', pausedMessage(state), {
    retryAfterSeconds: settings.retryAfterSeconds,
  });
}

/** A person pauses answers (admins only); this instance sees it at once, the others within the poll. */
export async function pauseAnswers(actor: SessionUser | null, reason: string, requestId?: string) {
  try {
    await engageKillSwitch(actor, reason, requestId);
    log().warn({ actorId: actor?.id }, 'kill switch engaged');
  } finally {
    cache().invalidate();
  }
}

/** A person turns answers back on (admins only): the only way the switch goes off. */
export async function resumeAnswers(actor: SessionUser | null, reason: string, requestId?: string) {
  try {
    await releaseKillSwitch(actor, reason, requestId);
    log().warn({ actorId: actor?.id }, 'kill switch released');
  } finally {
    cache().invalidate();
  }
}

export type ErrorRateCheck = WindowVerdict & { tripped: boolean };

/**
 * The automatic trip: measures the failed share of answers over the last `killSwitch.windowSeconds`
 * (every instance's query logs) and engages the switch at or above the threshold. It never releases.
 */
export async function checkErrorRate(now: Date = new Date()): Promise<ErrorRateCheck | null> {
  if ((await currentKillSwitch()).engaged) return null;
  const since = new Date(now.getTime() - settings.windowSeconds * 1000);
  const verdict = judgeErrorWindow(await countAnswerOutcomes(since), settings);
  if (!verdict.trip) return { ...verdict, tripped: false };
  const tripped = await tripKillSwitch(tripReason(verdict, settings), {
    errorRate: Math.round(verdict.rate * 10_000) / 10_000,
    failed: verdict.failed,
    degraded: verdict.degraded,
    total: verdict.total,
    threshold: settings.errorRateThreshold,
    minRequests: settings.minRequests,
    windowSeconds: settings.windowSeconds,
  });
  cache().invalidate();
  if (tripped)
    log().error(
      { failed: verdict.failed, total: verdict.total, rate: verdict.rate },
      'kill switch tripped by the error rate',
    );
  return { ...verdict, tripped };
}

const checkSoon = throttled(
  () =>
    checkErrorRate()
      .then(() => undefined)
      .catch((error: unknown) => log().warn({ err: error }, 'could not check the error rate')),
  settings.evaluateEverySeconds * 1000,
);

/**
 * Told the outcome of every answer once its query log is written: a failure (not a refusal, not a
 * stop by the asker) schedules an error-rate check, at most one per `killSwitch.evaluateEverySeconds`.
 */
export function noteAnswerOutcome(outcome: { status: string; errorCode?: string | null }): void {
  if (outcome.status === 'ERROR' && outcome.errorCode !== 'client_aborted') checkSoon();
}
