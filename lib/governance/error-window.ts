// The automatic trip's rule: the share of failed answers over the sliding window, judged against the
// threshold once the window holds enough answers to mean something.
import type { OutcomeCounts } from '@/lib/db/kill-switch';

export type WindowRule = { errorRateThreshold: number; minRequests: number; windowSeconds: number };

export type WindowVerdict = OutcomeCounts & {
  /** failed / total; 0 for an empty window. */
  rate: number;
  trip: boolean;
};

export function judgeErrorWindow(counts: OutcomeCounts, rule: WindowRule): WindowVerdict {
  const rate = counts.total > 0 ? counts.failed / counts.total : 0;
  const trip = counts.total >= rule.minRequests && rate >= rule.errorRateThreshold;
  return { ...counts, rate, trip };
}

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

function windowText(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} seconds`;
}

/** The reason recorded for an automatic trip, stating what was measured against what. */
export function tripReason(verdict: WindowVerdict, rule: WindowRule): string {
  return (
    `Error rate ${percent(verdict.rate)} (${verdict.failed} of ${verdict.total} answers failed) ` +
    `in the last ${windowText(rule.windowSeconds)}, at or above the ${percent(rule.errorRateThreshold)} threshold.`
  );
}
