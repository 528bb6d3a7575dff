// Settings → Usage: what the signed-in user's questions have spent today against the daily budget.
import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { UsageToday } from '@/components/settings/usage-today';
import { requirePageRole } from '@/lib/auth/session';
import { checkBudget } from '@/lib/rate-limit/budget';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Usage' };

export default async function UsagePage() {
  const user = await requirePageRole(['USER', 'ADMIN', 'COMPLIANCE'], '/settings/usage');
  const budget = await checkBudget(user.id);

  return (
    <>
      <SiteHeader user={user} current="usage" />
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Usage</h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            Each person has a daily budget of tokens and cost for their answers, in the chat and through the
            API alike.
          </p>
        </div>
        <UsageToday
          tokensUsed={budget.tokensUsed}
          tokenLimit={budget.tokenLimit}
          costUsed={budget.costUsed}
          costLimit={budget.costLimit}
          resetAt={budget.resetAt.toISOString()}
        />
      </main>
    </>
  );
}
