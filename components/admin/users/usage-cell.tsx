// Today's usage against the daily budget: figures first, a bar beside them (colour never alone).
import { formatCost, formatInteger } from '@/components/admin/format';
import type { BudgetLimits } from './types';

export function UsageCell({
  tokens,
  costUsd,
  limits,
}: {
  tokens: number;
  costUsd: number;
  limits: BudgetLimits;
}) {
  const share = Math.min(1, Math.max(tokens / limits.tokenLimit, costUsd / limits.costLimit));
  const spent = share >= 1;
  return (
    <div className="min-w-36 space-y-1" data-testid="user-usage">
      <p className="text-xs whitespace-nowrap tabular-nums">
        {formatInteger(tokens)} / {formatInteger(limits.tokenLimit)} tokens
      </p>
      <p className="text-xs whitespace-nowrap text-neutral-600 tabular-nums dark:text-neutral-400">
        {formatCost(costUsd)} / {formatCost(limits.costLimit)}
        {spent && <span className="ml-1 font-medium text-red-700 dark:text-red-400">· spent</span>}
      </p>
      <div aria-hidden className="h-1 w-full overflow-hidden rounded bg-neutral-200 dark:bg-neutral-800">
        <div
          className={`h-full ${spent ? 'bg-red-600' : 'bg-neutral-700 dark:bg-neutral-300'}`}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
    </div>
  );
}
