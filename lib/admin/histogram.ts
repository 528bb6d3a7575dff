// Latency percentiles from fixed logarithmic buckets, so hourly histograms can be merged by adding
// counts (lib/db/overview.ts, the query_histogram_rollups table). Four buckets per doubling: bucket 0
// holds 0 ms, bucket b >= 1 holds [2^((b-1)/4), 2^(b/4)) ms. A percentile is reported as its bucket's
// geometric middle, so it is within a factor 2^(1/8) of the exact value: at most 9.05 % off.
// The bucket of a value is computed in SQL (the migration and lib/db/overview.ts); `bucketOf` is the
// same formula for tests and callers.

export const BUCKETS_PER_DOUBLING = 4;

/** The largest relative error of a percentile read from the histogram: 2^(1/8) - 1. */
export const PERCENTILE_RELATIVE_ERROR = 2 ** (1 / (2 * BUCKETS_PER_DOUBLING)) - 1;

export type Histogram = Map<number, number>;

export function bucketOf(ms: number): number {
  if (ms < 1) return 0;
  return 1 + Math.floor((BUCKETS_PER_DOUBLING * Math.log(ms)) / Math.log(2));
}

/** The bucket's bounds in ms: [lower, upper). */
export function bucketBounds(bucket: number): [number, number] {
  if (bucket <= 0) return [0, 1];
  return [2 ** ((bucket - 1) / BUCKETS_PER_DOUBLING), 2 ** (bucket / BUCKETS_PER_DOUBLING)];
}

/** The value a bucket reports: 0 for bucket 0, else the geometric middle of its bounds. */
export function bucketValue(bucket: number): number {
  if (bucket <= 0) return 0;
  const [lower, upper] = bucketBounds(bucket);
  return Math.sqrt(lower * upper);
}

/** Adds `from` into `into` (bucket → count). */
export function mergeInto(into: Histogram, from: Histogram): Histogram {
  for (const [bucket, count] of from) into.set(bucket, (into.get(bucket) ?? 0) + count);
  return into;
}

export function histogramCount(histogram: Histogram): number {
  let total = 0;
  for (const count of histogram.values()) total += count;
  return total;
}

/**
 * The q-th percentile (0 < q <= 1) by nearest rank: the value of the bucket holding the ceil(q·n)-th
 * smallest observation. Null for an empty histogram.
 */
export function percentile(histogram: Histogram, q: number): number | null {
  const total = histogramCount(histogram);
  if (total <= 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(bucket) ?? 0;
    if (seen >= rank) return bucketValue(bucket);
  }
  return null;
}
