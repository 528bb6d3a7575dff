// The rollout safeguard's rule (no I/O): the failed share of the rollout's users' answers, judged
// against the threshold once there are enough of them, the stage it goes back to, and the reason a
// rollback records and shows.
import { flags } from '@/lib/config';
export type SafeguardRule = { errorRateThreshold: number; minRequests: number; windowSeconds: number };

export type RolloutCounts = { total: number; failed: number };

export type SafeguardVerdict = RolloutCounts & {
  /** failed / total; 0 without answers. */
  rate: number;
  rollBack: boolean;
};

export function judgeRollout(counts: RolloutCounts, rule: SafeguardRule): SafeguardVerdict {
  const rate = counts.total > 0 ? counts.failed / counts.total : 0;
  return { ...counts, rate, rollBack: counts.total >= rule.minRequests && rate >= rule.errorRateThreshold };
}

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** Why the safeguard rolled a rollout back, as admins read it on the flag and in the audit trail. */
export function rollbackReason(
  verdict: SafeguardVerdict,
  rule: SafeguardRule,
  stages: { from: number; to: number },
): string {
  return (
    `Error rate of the rollout's users ${percent(verdict.rate)} (${verdict.failed} of ${verdict.total} answers failed) ` +
    `at ${stages.from} %, at or above the ${percent(rule.errorRateThreshold)} threshold: ` +
    `paused and rolled back to ${stages.to} %.`
  );
}

/** The stage a rollback goes to: the stage it came from when that was lower, else the stage below. */
export function rollbackStage(flag: { rolloutPercent: number; previousPercent: number | null }): number {
  if (flag.previousPercent !== null && flag.previousPercent < flag.rolloutPercent)
    return flag.previousPercent;
  return flags.stages.filter((stage) => stage < flag.rolloutPercent).at(-1) ?? 0;
}
