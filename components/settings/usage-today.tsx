// The signed-in user's usage today against their daily budget: tokens and cost, with a bar each.
import { formatCost, formatInteger } from '@/components/admin/format';
import { formatDateTime } from './format-date';

type UsageTodayProps = {
  tokensUsed: number;
  tokenLimit: number;
  costUsed: number;
  costLimit: number;
  /** ISO time of the next UTC midnight. */
  resetAt: string;
};

export function UsageToday({ tokensUsed, tokenLimit, costUsed, costLimit, resetAt }: UsageTodayProps) {
  return (
    <section
      aria-labelledby="usage-today-heading"
      data-testid="usage-today"
      className="space-y-4 rounded-xl border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h2 id="usage-today-heading" className="text-lg font-semibold tracking-tight">
        Today
      </h2>
      <p className="text-sm" data-testid="usage-summary">
        {formatInteger(tokensUsed)} of {formatInteger(tokenLimit)} tokens · {formatCost(costUsed)} of{' '}
        {formatCost(costLimit)}
      </p>
      <Meter label="Tokens" used={tokensUsed} limit={tokenLimit} />
      <Meter label="Cost" used={costUsed} limit={costLimit} />
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        When either runs out, questions are refused until the budget starts again at midnight UTC (next at{' '}
        <time dateTime={resetAt}>{formatDateTime(resetAt)}</time>).
      </p>
    </section>
  );
}

function Meter({ label, used, limit }: { label: string; used: number; limit: number }) {
  const percent = Math.min(100, Math.round((used / limit) * 100));
  return (
    <div>
      <div className="flex justify-between text-xs text-neutral-600 dark:text-neutral-400">
        <span>{label}</span>
        <span className="tabular-nums">{percent}%</span>
      </div>
      <div
        role="meter"
        aria-label={`${label} used today`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-1 h-2 overflow-hidden rounded bg-neutral-200 dark:bg-neutral-800"
      >
        <div
          className={`h-full ${percent >= 100 ? 'bg-red-600' : 'bg-neutral-800 dark:bg-neutral-200'}`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
