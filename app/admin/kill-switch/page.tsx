// Admin → Kill switch: whether answers are paused, by whom, when and why; pause or resume with a
// reason; the switch's history from the audit trail. As on the other admin pages, the role check runs
// before anything renders.
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { KillSwitchHistory } from '@/components/admin/kill-switch/kill-switch-history';
import { KillSwitchPanel } from '@/components/admin/kill-switch/kill-switch-panel';
import { SiteHeader } from '@/components/site-header';
import { requirePageRole } from '@/lib/auth/session';
import { killSwitch } from '@/lib/config';
import { listKillSwitchHistory, readKillSwitch, type KillSwitchPerson } from '@/lib/db/kill-switch';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Kill switch' };

const HISTORY_LIMIT = 20;
const person = (who: KillSwitchPerson | null) => (who ? { email: who.email, name: who.name } : null);

export default async function KillSwitchPage() {
  const user = await requirePageRole(['ADMIN'], '/admin/kill-switch');
  // Read from the database, not this instance's cache: the page shows the switch as it is.
  const [state, history] = await Promise.all([readKillSwitch(), listKillSwitchHistory(user, HISTORY_LIMIT)]);

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="kill-switch" />
      <main id="main" className="mx-auto max-w-3xl space-y-8 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Kill switch</h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            Pauses every answer: the chat, <code>/api/v1/query</code>, <code>/stream</code> and{' '}
            <code>/async</code>. The console, health and readiness stay up. It also pauses itself when{' '}
            {Math.round(killSwitch.errorRateThreshold * 100)} % or more of at least {killSwitch.minRequests}{' '}
            answers failed in the last {Math.round(killSwitch.windowSeconds / 60)} minutes; only a person
            resumes answers.
          </p>
        </div>
        <KillSwitchPanel
          state={{
            engaged: state.engaged,
            automatic: state.automatic,
            reason: state.reason,
            by: person(state.by),
            at: state.at?.toISOString() ?? null,
          }}
        />
        <KillSwitchHistory
          events={history.map((event) => ({
            seq: event.seq,
            at: event.at.toISOString(),
            action: event.action,
            reason: event.reason,
            by: person(event.by),
          }))}
        />
      </main>
    </>
  );
}
