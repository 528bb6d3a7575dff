// The fairness report's arithmetic (docs/GOVERNANCE.md "Fairness report"): from each user group's
// counts over a period, five metrics, each with the group's ratio to the best group for that metric.
// A ratio is defined so that under 1 always means worse than the best, as in the four-fifths rule:
// for a rate where higher is better, rate / best rate; for one where lower is better, the favourable
// outcome's rate (1 − rate) over the best group's; for latency, best p95 / the group's p95. Metrics
// counted over fewer than `minRequests` are insufficient data: no ratio, and never the best.

/** What the database counts for one group over the period (lib/db/fairness.ts). */
export type GroupCounts = {
  /** The users' group; null for users without one. */
  group: string | null;
  /** Questions asked (query-log rows), except those the asker stopped. */
  asked: number;
  /** Answered: OK or degraded, and not withheld for want of a reliable answer. */
  answered: number;
  /** Answers whose confidence was assessed, and those of them below the passing score. */
  assessed: number;
  lowConfidence: number;
  /** Answers a model was called for, and those a fallback (another model, or the last resort) gave. */
  generated: number;
  fallback: number;
  /** Answers with a latency, and the 95th percentile of those latencies in ms. */
  timed: number;
  latencyP95Ms: number | null;
  /** Answers rated by their asker, and those rated thumbs up. */
  rated: number;
  thumbsUp: number;
};

export const METRICS = [
  'answerRate',
  'lowConfidenceRate',
  'fallbackRate',
  'latencyP95Ms',
  'thumbsUpShare',
] as const;
export type MetricKey = (typeof METRICS)[number];

type MetricDefinition = {
  label: string;
  better: 'higher' | 'lower';
  unit: 'share' | 'ms';
  /** What the metric is counted over, for "insufficient data". */
  sampleLabel: string;
  value: (counts: GroupCounts) => { value: number | null; sample: number };
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export const metricDefinitions: Record<MetricKey, MetricDefinition> = {
  answerRate: {
    label: 'Answer rate',
    better: 'higher',
    unit: 'share',
    sampleLabel: 'questions',
    value: (c) => ({ value: share(c.answered, c.asked), sample: c.asked }),
  },
  lowConfidenceRate: {
    label: 'Low-confidence rate',
    better: 'lower',
    unit: 'share',
    sampleLabel: 'assessed answers',
    value: (c) => ({ value: share(c.lowConfidence, c.assessed), sample: c.assessed }),
  },
  fallbackRate: {
    label: 'Fallback rate',
    better: 'lower',
    unit: 'share',
    sampleLabel: 'generated answers',
    value: (c) => ({ value: share(c.fallback, c.generated), sample: c.generated }),
  },
  latencyP95Ms: {
    label: 'Latency p95',
    better: 'lower',
    unit: 'ms',
    sampleLabel: 'timed answers',
    value: (c) => ({ value: c.timed > 0 ? c.latencyP95Ms : null, sample: c.timed }),
  },
  thumbsUpShare: {
    label: 'Thumbs-up share',
    better: 'higher',
    unit: 'share',
    sampleLabel: 'rated answers',
    value: (c) => ({ value: share(c.thumbsUp, c.rated), sample: c.rated }),
  },
};

export type MetricCell = {
  value: number | null;
  /** How many requests the value is counted over. */
  sample: number;
  /** Fewer than minRequests: shown, but no ratio and never the best. */
  insufficient: boolean;
  /** Against the best group, rounded to two decimals; null without data or with too little. */
  ratio: number | null;
  /** The ratio is under the threshold (the four-fifths rule). */
  belowThreshold: boolean;
  /** This group is (one of) the best for the metric. */
  best: boolean;
};

export type GroupReport = {
  group: string | null;
  label: string;
  asked: number;
  /** Fewer questions than minRequests: every metric is insufficient data. */
  insufficient: boolean;
  metrics: Record<MetricKey, MetricCell>;
};

export type FairnessReport = {
  from: Date;
  to: Date;
  threshold: number;
  minRequests: number;
  groups: GroupReport[];
  /** The best group's label and value per metric; null when no group has enough data. */
  best: Record<MetricKey, { label: string; value: number } | null>;
  /** Cells with a ratio under the threshold. */
  belowThreshold: number;
};

export const NO_GROUP_LABEL = 'No group';

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The group's ratio to the best value: under 1 means worse (see the file's first comment). */
export function ratioToBest(
  definition: Pick<MetricDefinition, 'better' | 'unit'>,
  value: number,
  best: number,
) {
  if (value === best) return 1;
  if (definition.better === 'higher') return best > 0 ? value / best : 1;
  if (definition.unit === 'share') return best < 1 ? (1 - value) / (1 - best) : 1;
  return value > 0 ? best / value : 1;
}

export function buildFairnessReport(
  counts: readonly GroupCounts[],
  options: { from: Date; to: Date; threshold: number; minRequests: number },
): FairnessReport {
  const { threshold, minRequests } = options;
  const groups = [...counts]
    .map((c) => ({ counts: c, label: c.group ?? NO_GROUP_LABEL }))
    // Named groups by name, "No group" last.
    .sort((a, b) =>
      a.counts.group === null ? 1 : b.counts.group === null ? -1 : a.label.localeCompare(b.label),
    );

  const best = {} as FairnessReport['best'];
  const raw = groups.map(
    ({ counts: c }) =>
      Object.fromEntries(
        METRICS.map((key) => {
          const { value, sample } = metricDefinitions[key].value(c);
          return [key, { value, sample, insufficient: sample < minRequests || value === null }];
        }),
      ) as Record<MetricKey, { value: number | null; sample: number; insufficient: boolean }>,
  );
  for (const key of METRICS) {
    const definition = metricDefinitions[key];
    let found: { label: string; value: number } | null = null;
    raw.forEach((cells, index) => {
      const cell = cells[key];
      if (cell.insufficient || cell.value === null) return;
      const better =
        found === null ||
        (definition.better === 'higher' ? cell.value > found.value : cell.value < found.value);
      if (better) found = { label: groups[index]!.label, value: cell.value };
    });
    best[key] = found;
  }

  let belowThreshold = 0;
  const reports = groups.map(({ counts: c, label }, index) => {
    const metrics = {} as Record<MetricKey, MetricCell>;
    for (const key of METRICS) {
      const cell = raw[index]![key];
      const top = best[key];
      const ratio =
        cell.insufficient || cell.value === null || top === null
          ? null
          : round2(ratioToBest(metricDefinitions[key], cell.value, top.value));
      const below = ratio !== null && ratio < threshold;
      if (below) belowThreshold += 1;
      metrics[key] = {
        value: cell.value,
        sample: cell.sample,
        insufficient: cell.insufficient,
        ratio,
        belowThreshold: below,
        best: ratio !== null && top !== null && cell.value === top.value,
      };
    }
    return { group: c.group, label, asked: c.asked, insufficient: c.asked < minRequests, metrics };
  });

  return {
    from: options.from,
    to: options.to,
    threshold,
    minRequests,
    groups: reports,
    best,
    belowThreshold,
  };
}
