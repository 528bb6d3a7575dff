// [KILL SWITCH] The error-rate rule of the automatic trip.
import { describe, expect, it } from 'vitest';
import { killSwitch } from '@/lib/config';
import { judgeErrorWindow, tripReason } from './error-window';

const rule = { errorRateThreshold: 0.15, minRequests: 20, windowSeconds: 300 };
const counts = (failed: number, total: number) => ({ failed, degraded: 0, total });

describe('[KILL SWITCH] error window', () => {
  it('trips at the threshold once the window holds enough answers', () => {
    expect(judgeErrorWindow(counts(3, 20), rule)).toMatchObject({ trip: true, rate: 0.15 });
    expect(judgeErrorWindow(counts(20, 20), rule).trip).toBe(true);
  });

  it('does not trip just under the threshold', () => {
    expect(judgeErrorWindow(counts(2, 20), rule).trip).toBe(false);
    expect(judgeErrorWindow(counts(14, 100), rule).trip).toBe(false);
  });

  it('does not trip on too few answers, however many failed', () => {
    expect(judgeErrorWindow(counts(19, 19), rule)).toMatchObject({ trip: false, rate: 1 });
  });

  it('reads an empty window as a rate of 0', () => {
    expect(judgeErrorWindow(counts(0, 0), rule)).toMatchObject({ trip: false, rate: 0 });
  });

  it('keeps the counts and states the measurement in the reason', () => {
    const verdict = judgeErrorWindow({ failed: 7, degraded: 2, total: 30 }, rule);
    expect(verdict).toMatchObject({ failed: 7, degraded: 2, total: 30 });
    expect(tripReason(verdict, rule)).toBe(
      'Error rate 23.3 % (7 of 30 answers failed) in the last 5 minutes, at or above the 15 % threshold.',
    );
  });

  it('ships the issue defaults: 15 % over at least 20 answers in 5 minutes', () => {
    expect(killSwitch).toMatchObject({ errorRateThreshold: 0.15, minRequests: 20, windowSeconds: 300 });
    expect(killSwitch.pollIntervalMs).toBeLessThanOrEqual(1_000);
  });
});
