// Percentiles from merged fixed-bucket histograms: the bucket of a value, the reported value, and the
// stated error bound against exact nearest-rank percentiles.
import { describe, expect, it } from 'vitest';
import {
  bucketBounds,
  bucketOf,
  bucketValue,
  mergeInto,
  percentile,
  PERCENTILE_RELATIVE_ERROR,
  type Histogram,
} from './histogram';

const histogramOf = (values: number[]): Histogram => {
  const histogram: Histogram = new Map();
  for (const value of values) histogram.set(bucketOf(value), (histogram.get(bucketOf(value)) ?? 0) + 1);
  return histogram;
};

const exact = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
};

describe('latency histogram', () => {
  it('puts 0 ms in bucket 0 and each value inside its bucket’s bounds', () => {
    expect(bucketOf(0)).toBe(0);
    for (const ms of [1, 2, 3, 7, 100, 999, 1000, 1001, 65_432, 120_000]) {
      const [lower, upper] = bucketBounds(bucketOf(ms));
      expect(ms).toBeGreaterThanOrEqual(lower * (1 - 1e-12));
      expect(ms).toBeLessThan(upper * (1 + 1e-12));
    }
  });

  it('has four buckets per doubling, so a bucket’s middle is within 9.05 % of any value in it', () => {
    expect(bucketOf(1024) - bucketOf(512)).toBe(4);
    expect(PERCENTILE_RELATIVE_ERROR).toBeCloseTo(0.0905, 4);
    const [lower, upper] = bucketBounds(40);
    expect(bucketValue(40) / lower - 1).toBeCloseTo(PERCENTILE_RELATIVE_ERROR, 10);
    expect(1 - bucketValue(40) / upper).toBeLessThan(PERCENTILE_RELATIVE_ERROR);
  });

  it('reads p50/p95/p99 within the bound of the exact nearest-rank percentiles', () => {
    // A long-tailed sample, deterministic.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const values = Array.from({ length: 5000 }, () => Math.round(900 * Math.exp(0.75 * (random() * 4 - 2))));
    const histogram = histogramOf(values);
    for (const q of [0.5, 0.95, 0.99]) {
      const estimate = percentile(histogram, q)!;
      expect(Math.abs(estimate - exact(values, q)) / exact(values, q)).toBeLessThanOrEqual(
        PERCENTILE_RELATIVE_ERROR + 1e-9,
      );
    }
  });

  it('merges hourly histograms by adding counts, as if they were one', () => {
    const first = [10, 20, 30, 4000];
    const second = [15, 25, 5000, 6000, 7000];
    const merged = mergeInto(histogramOf(first), histogramOf(second));
    expect(merged).toEqual(histogramOf([...first, ...second]));
    expect(percentile(merged, 0.5)).toBe(bucketValue(bucketOf(30)));
  });

  it('answers null for an empty histogram and 0 when most answers took 0 ms', () => {
    expect(percentile(new Map(), 0.5)).toBeNull();
    expect(percentile(histogramOf([0, 0, 0, 500]), 0.5)).toBe(0);
  });
});
