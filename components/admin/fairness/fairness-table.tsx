// The fairness report: one row per user group, each metric's value with the group's ratio to the best
// group. A ratio under the threshold is marked in words and with an icon as well as in colour; a
// metric counted over too few requests says "insufficient data" instead of a ratio.
import { formatInteger } from '@/components/admin/format';
import {
  METRICS,
  metricDefinitions,
  type FairnessReport,
  type GroupReport,
  type MetricCell,
  type MetricKey,
} from '@/lib/fairness/report';

const cell = 'px-2.5 py-2 align-top';
const muted = 'text-neutral-500 dark:text-neutral-400';

const formatValue = (key: MetricKey, value: number | null) =>
  value === null
    ? '—'
    : metricDefinitions[key].unit === 'ms'
      ? `${formatInteger(value)} ms`
      : `${(value * 100).toFixed(1)} %`;

function MetricValue({
  metric,
  value,
  threshold,
}: {
  metric: MetricKey;
  value: MetricCell;
  threshold: number;
}) {
  const definition = metricDefinitions[metric];
  return (
    <td
      className={`${cell} text-right tabular-nums ${value.belowThreshold ? 'bg-red-50 dark:bg-red-950/40' : ''}`}
      data-testid={`fairness-${metric}`}
      data-below={value.belowThreshold ? 'true' : 'false'}
    >
      <span className="block whitespace-nowrap">{formatValue(metric, value.value)}</span>
      {value.insufficient ? (
        <span className={`block text-xs whitespace-nowrap ${muted}`} data-testid="fairness-insufficient">
          insufficient data ({formatInteger(value.sample)} {definition.sampleLabel})
        </span>
      ) : value.belowThreshold ? (
        <strong
          className="block text-xs whitespace-nowrap text-red-800 dark:text-red-300"
          data-testid="fairness-ratio"
        >
          <span aria-hidden="true">▼ </span>ratio {value.ratio?.toFixed(2)}, under {threshold}
        </strong>
      ) : (
        <span className={`block text-xs whitespace-nowrap ${muted}`} data-testid="fairness-ratio">
          ratio {value.ratio?.toFixed(2) ?? '—'}
          {value.best ? ' (best)' : ''}
        </span>
      )}
    </td>
  );
}

function GroupRow({ group, threshold }: { group: GroupReport; threshold: number }) {
  return (
    <tr data-testid="fairness-group" data-group={group.label}>
      <th scope="row" className={`${cell} text-left font-medium`}>
        <span className="block">{group.label}</span>
        {group.insufficient ? (
          <span className={`block text-xs font-normal ${muted}`} data-testid="fairness-group-insufficient">
            insufficient data
          </span>
        ) : null}
      </th>
      <td className={`${cell} text-right tabular-nums`} data-testid="fairness-asked">
        {formatInteger(group.asked)}
      </td>
      {METRICS.map((metric) => (
        <MetricValue key={metric} metric={metric} value={group.metrics[metric]} threshold={threshold} />
      ))}
    </tr>
  );
}

export function FairnessTable({ report }: { report: FairnessReport }) {
  return (
    <div
      role="region"
      aria-labelledby="fairness-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-neutral-200 focus-visible:outline-2 focus-visible:outline-neutral-900 dark:border-neutral-800 dark:focus-visible:outline-neutral-100"
    >
      <table data-testid="fairness-table" className="min-w-full text-sm">
        <caption id="fairness-caption" className="sr-only">
          Service by user group, with each group&apos;s ratio to the best group
        </caption>
        <thead className="bg-neutral-50 text-xs font-medium text-neutral-600 dark:bg-neutral-900 dark:text-neutral-400">
          <tr>
            <th scope="col" className="px-2.5 py-2 text-left font-medium">
              Group
            </th>
            <th scope="col" className="px-2.5 py-2 text-right font-medium">
              Questions
            </th>
            {METRICS.map((metric) => (
              <th key={metric} scope="col" className="px-2.5 py-2 text-right font-medium">
                {metricDefinitions[metric].label}
                <span className="block font-normal">
                  ({metricDefinitions[metric].better === 'higher' ? 'higher' : 'lower'} is better)
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {report.groups.length === 0 ? (
            <tr>
              <td colSpan={METRICS.length + 2} className={`px-3 py-12 text-center ${muted}`}>
                <p className="font-medium text-neutral-700 dark:text-neutral-300">
                  No questions in this period
                </p>
                <p className="mt-1">Choose a longer period.</p>
              </td>
            </tr>
          ) : (
            report.groups.map((group) => (
              <GroupRow key={group.group ?? ''} group={group} threshold={report.threshold} />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
