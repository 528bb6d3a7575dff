// The fairness report as a download: CSV (one row per group, each metric's value, sample, ratio and
// whether it is under the threshold) or JSON (the same, with the period and the rules it was built with).
import { csvCell } from '@/lib/audit/export';
import { METRICS, metricDefinitions, type FairnessReport } from './report';

export type FairnessExportFormat = 'csv' | 'json';

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export function fairnessCsv(report: FairnessReport): string {
  const header = [
    'group',
    'requests',
    'insufficient_data',
    ...METRICS.flatMap((key) => {
      const name = snake(key);
      return [name, `${name}_sample`, `${name}_ratio`, `${name}_below_threshold`];
    }),
  ];
  const rows = report.groups.map((group) => [
    group.label,
    group.asked,
    group.insufficient,
    ...METRICS.flatMap((key) => {
      const cell = group.metrics[key];
      const digits = metricDefinitions[key].unit === 'ms' ? 0 : 4;
      return [round(cell.value, digits), cell.sample, cell.ratio, cell.belowThreshold];
    }),
  ]);
  return [header, ...rows].map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}

export function fairnessJson(report: FairnessReport): string {
  return JSON.stringify(
    {
      period: { from: report.from.toISOString(), to: report.to.toISOString() },
      threshold: report.threshold,
      minRequests: report.minRequests,
      ratioDefinition:
        'Under 1 means worse than the best group. Higher-is-better rates: rate / best rate. Lower-is-better rates: (1 - rate) / (1 - best rate). Latency: best p95 / p95.',
      metrics: Object.fromEntries(
        METRICS.map((key) => [
          key,
          {
            label: metricDefinitions[key].label,
            better: metricDefinitions[key].better,
            best: report.best[key],
          },
        ]),
      ),
      groups: report.groups,
    },
    null,
    2,
  );
}

/** The download's file name, e.g. fairness-2026-11-26.csv. */
export function fairnessExportFileName(format: FairnessExportFormat, now = new Date()): string {
  return `fairness-${now.toISOString().slice(0, 10)}.${format}`;
}
