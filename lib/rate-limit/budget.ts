// Per-user daily budgets (OWASP LLM10): tokens and cost of today's (UTC) answers against the limits
// in lib/config.ts `budgets`, checked before the model is called.
import 'server-only';
import { usageBetween } from '@/lib/db/usage';
import { AppError } from '@/lib/http/errors';
import { dailyBudgetLimits, utcDay } from './daily-window';
import { describeWait } from './response';

export type Budget = {
  allowed: boolean;
  tokensUsed: number;
  tokenLimit: number;
  costUsed: number;
  costLimit: number;
  /** The next UTC midnight, when the day's usage starts again from zero. */
  resetAt: Date;
};

/** Today's usage of `userId` against the daily budget; allowed while both are under their limit. */
export async function checkBudget(userId: string, now: Date = new Date()): Promise<Budget> {
  const { since, until: resetAt } = utcDay(now);
  const { tokens, costUsd } = await usageBetween({ userId, since, until: resetAt });
  const { tokenLimit, costLimit } = dailyBudgetLimits();
  return {
    allowed: tokens < tokenLimit && costUsd < costLimit,
    tokensUsed: tokens,
    tokenLimit,
    costUsed: Math.round(costUsd * 1e6) / 1e6,
    costLimit,
    resetAt,
  };
}

/** The refusal for a spent budget: 429 budget_exceeded, with Retry-After until the next UTC midnight. */
export function budgetExceededError(budget: Budget, now: Date = new Date()): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((budget.resetAt.getTime() - now.getTime()) / 1000));
  const spent =
    budget.tokensUsed >= budget.tokenLimit
      ? `${budget.tokensUsed.toLocaleString('en-US')} of ${budget.tokenLimit.toLocaleString('en-US')} tokens`
      : `$${budget.costUsed.toFixed(2)} of $${budget.costLimit.toFixed(2)}`;
  return new AppError(
    'budget_exceeded',
    `Your daily budget is used up (${spent} today). It resets at midnight UTC, in ${describeWait(retryAfterSeconds)}.`,
    { retryAfterSeconds },
  );
}
