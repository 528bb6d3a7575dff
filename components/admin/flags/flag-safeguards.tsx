// The rollout safeguards on a flag's page: error rate, p95 latency and thumbs-down share of the
// answers its rollout users got against everyone else's, over the recent window, with the rule that
// pauses and rolls back the rollout by itself.
import { flags as settings } from '@/lib/config';
import type { CohortOutcomes, FlagOutcomes } from '@/lib/db/feature-flags';

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${(Math.round((part / whole) * 1000) / 10).toLocaleString('en')} %`;

const rows: Array<[label: string, value: (cohort: CohortOutcomes) => string, testId: string]> = [
  ['Answers', (c) => c.total.toLocaleString('en'), 'answers'],
  ['Error rate', (c) => percent(c.failed, c.total), 'error-rate'],
  [
    'p95 latency',
    (c) => (c.p95LatencyMs === null ? '—' : `${c.p95LatencyMs.toLocaleString('en')} ms`),
    'p95',
  ],
  [
    'Thumbs down',
    (c) => `${percent(c.thumbsDown, c.rated)}${c.rated ? ` of ${c.rated} rated` : ''}`,
    'thumbs-down',
  ],
];

export function FlagSafeguards({ outcomes }: { outcomes: FlagOutcomes }) {
  const rule = settings.safeguard;
  return (
    <section aria-labelledby="flag-safeguards-heading" className="space-y-3">
      <h2 id="flag-safeguards-heading" className="text-lg font-semibold tracking-tight">
        Rollout safeguards
      </h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Answers of the last {settings.metricsWindowHours} hours served with this flag. The rollout pauses and
        goes back a stage by itself when {Math.round(rule.errorRateThreshold * 100)} % or more of at least{' '}
        {rule.minRequests} answers to its users failed in the last {Math.round(rule.windowSeconds / 60)}{' '}
        minutes of the current stage.
      </p>
      <div className="overflow-x-auto rounded-xl border border-neutral-200 dark:border-neutral-800">
        <table data-testid="flag-safeguards" className="w-full text-sm">
          <thead className="bg-neutral-50 text-xs text-neutral-600 uppercase dark:bg-neutral-900 dark:text-neutral-400">
            <tr>
              <th className="px-3 py-2 text-left">Measure</th>
              <th className="px-3 py-2 text-right">In the rollout</th>
              <th className="px-3 py-2 text-right">Outside it</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {rows.map(([label, value, testId]) => (
              <tr key={label}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {label}
                </th>
                <td className="px-3 py-2 text-right tabular-nums" data-testid={`safeguard-in-${testId}`}>
                  {value(outcomes.inRollout)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums" data-testid={`safeguard-out-${testId}`}>
                  {value(outcomes.outside)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
