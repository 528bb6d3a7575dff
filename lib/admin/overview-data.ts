// The admin overview's figures put together from rows of the data layer (lib/db/overview.ts): counters
// per chart step and model, histograms per chart step, and the totals and rates the tiles compare.
import { confidence } from '@/lib/config';
import { histogramCount, percentile, type Histogram } from './histogram';

export type Counters = {
  requests: number;
  answered: number;
  errors: number;
  rejected: number;
  rateLimited: number;
  degraded: number;
  fallbacks: number;
  cacheHits: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  feedbackUp: number;
  feedbackDown: number;
};

export const COUNTER_KEYS = [
  'requests',
  'answered',
  'errors',
  'rejected',
  'rateLimited',
  'degraded',
  'fallbacks',
  'cacheHits',
  'tokensIn',
  'tokensOut',
  'costUsd',
  'feedbackUp',
  'feedbackDown',
] as const satisfies ReadonlyArray<keyof Counters>;

export const zeroCounters = (): Counters =>
  Object.fromEntries(COUNTER_KEYS.map((key) => [key, 0])) as Counters;

export function addCounters(into: Counters, from: Counters): Counters {
  for (const key of COUNTER_KEYS) into[key] += from[key];
  return into;
}

export type Histograms = { latency: Histogram; ttft: Histogram; confidence: Histogram };
export const emptyHistograms = (): Histograms => ({
  latency: new Map(),
  ttft: new Map(),
  confidence: new Map(),
});

/** "Low confidence" as in the explorer and the review queue: below the score that passes as it is. */
const LOW_CONFIDENCE_BUCKET = Math.round(confidence.pass * 100);

export type Summary = Counters & {
  /** Door refusals by a rate limit (429), which leave no query-log row. */
  doorRejections: number;
  latencyP50: number | null;
  latencyP95: number | null;
  latencyP99: number | null;
  ttftP50: number | null;
  ttftP95: number | null;
  ttftP99: number | null;
  /** Answers with a confidence score, and those below the pass mark. */
  scored: number;
  lowConfidence: number;
};

export function summarise(counters: Counters, histograms: Histograms, doorRejections: number): Summary {
  let low = 0;
  for (const [bucket, count] of histograms.confidence) if (bucket < LOW_CONFIDENCE_BUCKET) low += count;
  return {
    ...counters,
    doorRejections,
    latencyP50: percentile(histograms.latency, 0.5),
    latencyP95: percentile(histograms.latency, 0.95),
    latencyP99: percentile(histograms.latency, 0.99),
    ttftP50: percentile(histograms.ttft, 0.5),
    ttftP95: percentile(histograms.ttft, 0.95),
    ttftP99: percentile(histograms.ttft, 0.99),
    scored: histogramCount(histograms.confidence),
    lowConfidence: low,
  };
}

/** part / whole, or null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The rates the overview shows, each over what it is a share of. */
export function rates(summary: Summary) {
  return {
    errorRate: share(summary.errors, summary.requests),
    cacheHitRate: share(summary.cacheHits, summary.answered),
    fallbackRate: share(summary.fallbacks, summary.answered),
    degradedRate: share(summary.degraded, summary.answered),
    lowConfidenceShare: share(summary.lowConfidence, summary.scored),
    thumbsUpShare: share(summary.feedbackUp, summary.feedbackUp + summary.feedbackDown),
    rateLimitRejections: summary.rateLimited + summary.doorRejections,
  };
}

/** The relative change from `previous` to `current`, or null without a base. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}
