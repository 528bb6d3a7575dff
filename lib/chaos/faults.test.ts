import { describe, expect, it } from 'vitest';
import { decideFault, injectFault, type ChaosSettings } from './faults';

const settings = (failureRate: number, min: number, max: number): ChaosSettings => ({
  failureRate,
  latencyMs: { min, max },
  targets: ['model'],
});

/** A random source that gives these numbers in turn. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('chaos faults (lib/chaos/faults)', () => {
  it('draws the delay from the whole range, both ends included', () => {
    expect(decideFault(settings(0, 100, 300), sequence(0, 0.5)).delayMs).toBe(100);
    expect(decideFault(settings(0, 100, 300), sequence(0.999_999, 0.5)).delayMs).toBe(300);
    expect(decideFault(settings(0, 100, 300), sequence(0.5, 0.5)).delayMs).toBe(200);
    expect(decideFault(settings(0, 0, 0), sequence(0.7, 0.5)).delayMs).toBe(0);
  });

  it('fails a call when its draw falls under the failure rate', () => {
    expect(decideFault(settings(0.1, 0, 0), sequence(0, 0.09)).fail).toBe(true);
    expect(decideFault(settings(0.1, 0, 0), sequence(0, 0.1)).fail).toBe(false);
    expect(decideFault(settings(0, 0, 0), sequence(0, 0)).fail).toBe(false);
    expect(decideFault(settings(1, 0, 0), sequence(0, 0.999_999)).fail).toBe(true);
  });

  it('fails about the configured share of calls with Math.random', () => {
    const faults = Array.from({ length: 20_000 }, () => decideFault(settings(0.1, 0, 50)));
    const failed = faults.filter((fault) => fault.fail).length / faults.length;
    expect(failed).toBeGreaterThan(0.08);
    expect(failed).toBeLessThan(0.12);
    expect(Math.min(...faults.map((fault) => fault.delayMs))).toBe(0);
    expect(Math.max(...faults.map((fault) => fault.delayMs))).toBe(50);
  });

  it('waits the delay, then throws the failure or lets the call go on', async () => {
    const started = performance.now();
    await expect(injectFault({ delayMs: 30, fail: false }, () => new Error('down'))).resolves.toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    await expect(injectFault({ delayMs: 0, fail: true }, () => new Error('down'))).rejects.toThrow('down');
  });

  it('stops waiting when the call is aborted', async () => {
    const controller = new AbortController();
    const waiting = injectFault({ delayMs: 10_000, fail: false }, () => new Error('down'), controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
