// Admin → Flags: every feature flag with its state and rollout stage, the rollouts the safeguard
// paused, and a form for a new flag (with the pipeline's flags offered as templates). Admins only,
// checked before anything renders.
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { CreateFlagForm } from '@/components/admin/flags/create-flag-form';
import { FlagTable } from '@/components/admin/flags/flag-table';
import { PausedBanner } from '@/components/admin/flags/paused-banner';
import { toFlagView } from '@/components/admin/flags/to-view';
import { SiteHeader } from '@/components/site-header';
import { requirePageRole } from '@/lib/auth/session';
import { listFlags } from '@/lib/db/feature-flags';
import { pipelineFlags } from '@/lib/flags/keys';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Feature flags' };

export default async function FlagsPage() {
  const user = await requirePageRole(['ADMIN'], '/admin/flags');
  const flags = await listFlags(user);
  const templates = pipelineFlags.filter((template) => !flags.some((flag) => flag.key === template.key));
  const paused = flags.flatMap((flag) =>
    flag.pausedAt ? [{ key: flag.key, reason: flag.pausedReason, at: flag.pausedAt.toISOString() }] : [],
  );

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="flags" />
      <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Feature flags</h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            Roll a change out to 5, 25, 50, 75 and 100 % of users. The same user always gets the same variant,
            and users inside a stage stay inside at every later one. Every instance serves a change within
            seconds.
          </p>
        </div>
        <PausedBanner flags={paused} />
        <FlagTable flags={flags.map((flag) => toFlagView(flag))} />
        <CreateFlagForm templates={templates} />
      </main>
    </>
  );
}
