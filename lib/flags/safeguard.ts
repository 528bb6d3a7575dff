// The rollout safeguard: for every flag being rolled out, the failed share of the answers its rollout
// users got since the stage began (within `flags.safeguard.windowSeconds`, every instance's query
// logs); at or above the threshold, over enough answers, the rollout is paused and moved back a
// stage, recorded in the audit trail with no actor, and shown to admins on the flag. It never moves
// a rollout forward, and leaves a paused rollout alone until a person picks a stage.
import 'server-only';
import { flags as settings } from '@/lib/config';
import { flagOutcomes, readAllFlags, rollBackFlag } from '@/lib/db/feature-flags';
import { log } from '@/lib/observability/logger';
import { flagsChanged } from './flags';
import { judgeRollout, rollbackReason, rollbackStage, type SafeguardVerdict } from './safeguard-rule';

export type SafeguardCheck = SafeguardVerdict & { key: string; rolledBack: boolean; to: number | null };

export async function checkRolloutSafeguards(now: Date = new Date()): Promise<SafeguardCheck[]> {
  const rule = settings.safeguard;
  const windowStart = now.getTime() - rule.windowSeconds * 1000;
  const checks: SafeguardCheck[] = [];
  for (const flag of await readAllFlags()) {
    if (!flag.enabled || flag.pausedAt !== null || flag.rolloutPercent === 0) continue;
    // Answers from before this stage began belong to another rollout.
    const since = new Date(Math.max(windowStart, flag.stageChangedAt.getTime()));
    const { inRollout } = await flagOutcomes(flag.key, flag.rolloutVariant, since);
    const verdict = judgeRollout(inRollout, rule);
    if (!verdict.rollBack) {
      checks.push({ ...verdict, key: flag.key, rolledBack: false, to: null });
      continue;
    }
    const to = rollbackStage(flag);
    const reason = rollbackReason(verdict, rule, { from: flag.rolloutPercent, to });
    const rolledBack = await rollBackFlag(flag.key, flag.rolloutPercent, reason, {
      errorRate: Math.round(verdict.rate * 10_000) / 10_000,
      failed: verdict.failed,
      total: verdict.total,
      threshold: rule.errorRateThreshold,
      minRequests: rule.minRequests,
      windowSeconds: rule.windowSeconds,
      since: since.toISOString(),
    });
    if (rolledBack) {
      flagsChanged();
      log().error(
        { flag: flag.key, failed: verdict.failed, total: verdict.total, from: flag.rolloutPercent, to },
        'rollout paused and rolled back by its error rate',
      );
    }
    checks.push({ ...verdict, key: flag.key, rolledBack: rolledBack !== null, to });
  }
  return checks;
}
