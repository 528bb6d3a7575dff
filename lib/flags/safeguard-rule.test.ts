// [FLAGS] The rollout safeguard's rule: rolls back at or over the threshold with enough answers, not
// under it or with too few, and says why in words an admin reads.
import { describe, expect, it } from 'vitest';
import { flags } from '@/lib/config';
import { judgeRollout, rollbackReason, rollbackStage } from './safeguard-rule';

const rule = { errorRateThreshold: 0.2, minRequests: 20, windowSeconds: 900 };

describe('[FLAGS] safeguard rule', () => {
  it('rolls back at exactly the threshold over the minimum of answers, and above it', () => {
    expect(judgeRollout({ total: 20, failed: 4 }, rule)).toMatchObject({ rate: 0.2, rollBack: true });
    expect(judgeRollout({ total: 30, failed: 9 }, rule).rollBack).toBe(true);
  });

  it('does not roll back under the threshold, with too few answers, or with none', () => {
    expect(judgeRollout({ total: 20, failed: 3 }, rule).rollBack).toBe(false);
    expect(judgeRollout({ total: 19, failed: 19 }, rule).rollBack).toBe(false);
    expect(judgeRollout({ total: 0, failed: 0 }, rule)).toMatchObject({ rate: 0, rollBack: false });
  });

  it('states the measurement, the threshold and the stages', () => {
    const verdict = judgeRollout({ total: 24, failed: 6 }, rule);
    expect(rollbackReason(verdict, rule, { from: 50, to: 25 })).toBe(
      "Error rate of the rollout's users 25 % (6 of 24 answers failed) at 50 %, at or above the 20 % threshold: paused and rolled back to 25 %.",
    );
  });

  it('ships a threshold, a minimum and a window', () => {
    expect(flags.safeguard.errorRateThreshold).toBeGreaterThan(0);
    expect(flags.safeguard.minRequests).toBeGreaterThanOrEqual(10);
    expect(flags.stages).toEqual([0, 5, 25, 50, 75, 100]);
  });
});

describe('[FLAGS] rollback stage', () => {
  it('goes back to the stage the rollout came from', () => {
    expect(rollbackStage({ rolloutPercent: 50, previousPercent: 25 })).toBe(25);
    expect(rollbackStage({ rolloutPercent: 100, previousPercent: 5 })).toBe(5);
  });

  it('goes to the stage below when it came from above, or from nowhere', () => {
    expect(rollbackStage({ rolloutPercent: 25, previousPercent: 50 })).toBe(5);
    expect(rollbackStage({ rolloutPercent: 75, previousPercent: null })).toBe(50);
    expect(rollbackStage({ rolloutPercent: 5, previousPercent: null })).toBe(0);
  });
});
