// [Budgets] A user's daily token and cost budget, summed from today's (UTC) query logs on the real
// database: other days and other users do not count, and a spent budget refuses with budget_exceeded.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { budgets } from '../../lib/config';
import { db } from '../../lib/db/client';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { budgetExceededError, checkBudget } from '../../lib/rate-limit/budget';

const noon = new Date(Date.UTC(2031, 4, 6, 12));
const hours = (n: number) => new Date(noon.getTime() + n * 3_600_000);

async function logAnswer(
  user: SessionUser,
  createdAt: Date,
  tokensIn: number,
  tokensOut: number,
  costUsd: number,
) {
  await db().queryLog.create({
    data: {
      requestId: randomUUID(),
      userId: user.id,
      route: 'api',
      question: 'How much?',
      status: 'OK',
      tokensIn,
      tokensOut,
      costUsd,
      createdAt,
    },
  });
}

describe(`[Budgets] daily usage on ${inject('database')}`, () => {
  let spender: SessionUser;
  let frugal: SessionUser;

  beforeAll(async () => {
    spender = await upsertUser({ email: 'budget-spender@example.test', role: 'USER', passwordHash: 'x' });
    frugal = await upsertUser({ email: 'budget-frugal@example.test', role: 'USER', passwordHash: 'x' });
    await db().queryLog.deleteMany({ where: { userId: { in: [spender.id, frugal.id] } } });
    await logAnswer(spender, hours(-12), 1_000, 500, 0.25); // 00:00 UTC: today
    await logAnswer(spender, hours(-1), 2_000, 1_000, 0.5);
    await logAnswer(spender, hours(-12.001), 90_000, 90_000, 5); // 23:59:56 the day before
    await logAnswer(spender, hours(12), 90_000, 90_000, 5); // tomorrow
    await logAnswer(frugal, hours(-2), 10, 20, 0.001);
  });

  it("sums only today's (UTC) tokens and cost of that user", async () => {
    expect(await checkBudget(spender.id, noon)).toEqual({
      allowed: true,
      tokensUsed: 4_500,
      tokenLimit: budgets.dailyTokensPerUser,
      costUsed: 0.75,
      costLimit: budgets.dailyCostUsdPerUser,
      resetAt: hours(12),
    });
    expect(await checkBudget(frugal.id, noon)).toMatchObject({
      allowed: true,
      tokensUsed: 30,
      costUsed: 0.001,
    });
    expect(await checkBudget(randomUUID(), noon)).toMatchObject({
      allowed: true,
      tokensUsed: 0,
      costUsed: 0,
    });
  });

  it('refuses once the tokens or the cost reach the limit, with a 429 budget_exceeded that says when it resets', async () => {
    await logAnswer(frugal, hours(-1), budgets.dailyTokensPerUser, 0, 0);
    const byTokens = await checkBudget(frugal.id, noon);
    expect(byTokens).toMatchObject({ allowed: false, tokensUsed: budgets.dailyTokensPerUser + 30 });
    const error = budgetExceededError(byTokens, noon);
    expect(error).toMatchObject({
      status: 429,
      code: 'budget_exceeded',
      details: { retryAfterSeconds: 12 * 3600 },
    });
    expect(error.message).toBe(
      'Your daily budget is used up (200,030 of 200,000 tokens today). It resets at midnight UTC, in 12 hours.',
    );

    await logAnswer(spender, hours(-1), 0, 0, budgets.dailyCostUsdPerUser);
    const byCost = await checkBudget(spender.id, noon);
    expect(byCost).toMatchObject({ allowed: false, costUsed: budgets.dailyCostUsdPerUser + 0.75 });
    expect(budgetExceededError(byCost, noon).message).toContain('($2.75 of $2.00 today)');
    // The next day counts only its own answers.
    expect(await checkBudget(spender.id, hours(13))).toMatchObject({ tokensUsed: 180_000, costUsed: 5 });
  });
});
