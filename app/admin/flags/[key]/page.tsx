// Admin → Flags → one flag: its switch and rollout stage, settings, allow and deny lists, the
// rollout safeguards (users in the rollout against the rest), an evaluation preview for a user, and
// its history from the audit trail. Admins only.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminNav } from '@/components/admin/admin-nav';
import { FlagControls } from '@/components/admin/flags/flag-controls';
import { FlagHistory } from '@/components/admin/flags/flag-history';
import { FlagListsForm } from '@/components/admin/flags/flag-lists-form';
import { FlagPreview, type PreviewResult } from '@/components/admin/flags/flag-preview';
import { FlagSafeguards } from '@/components/admin/flags/flag-safeguards';
import { FlagSettingsForm } from '@/components/admin/flags/flag-settings-form';
import { PausedBanner } from '@/components/admin/flags/paused-banner';
import { toFlagView } from '@/components/admin/flags/to-view';
import { SiteHeader } from '@/components/site-header';
import { requirePageRole } from '@/lib/auth/session';
import {
  emailsOfUsers,
  findFlagUser,
  flagOutcomesFor,
  getFlag,
  listFlagHistory,
} from '@/lib/db/feature-flags';
import { evaluateFlag } from '@/lib/flags/evaluate';
import { flagKey } from '@/lib/flags/schemas';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Feature flag' };

export default async function FlagPage(props: {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { key } = await props.params;
  const user = await requirePageRole(['ADMIN'], `/admin/flags/${encodeURIComponent(key)}`);
  const parsed = flagKey.safeParse(key);
  const flag = parsed.success ? await getFlag(user, parsed.data) : null;
  if (!flag) notFound();

  const query = (await props.searchParams).user;
  const previewFor = typeof query === 'string' ? query.trim().slice(0, 200) : '';
  const [emails, outcomes, history, previewUser] = await Promise.all([
    emailsOfUsers(user, [...flag.allowUserIds, ...flag.denyUserIds]),
    flagOutcomesFor(user, flag),
    listFlagHistory(user, flag.key),
    previewFor ? findFlagUser(user, previewFor) : Promise.resolve(null),
  ]);
  const preview: PreviewResult | null = !previewFor
    ? null
    : previewUser
      ? {
          query: previewFor,
          found: true,
          email: previewUser.email,
          group: previewUser.group,
          evaluation: evaluateFlag(flag, { userId: previewUser.id, group: previewUser.group }),
          percent: flag.rolloutPercent,
        }
      : { query: previewFor, found: false };
  const view = toFlagView(flag, emails);

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="flags" />
      <main id="main" className="mx-auto max-w-4xl space-y-8 px-4 py-8">
        <div>
          <Link
            href="/admin/flags"
            className="text-sm text-neutral-600 underline-offset-2 hover:underline dark:text-neutral-400"
          >
            ← All flags
          </Link>
          <h1 className="mt-2 font-mono text-2xl font-semibold tracking-tight">{flag.key}</h1>
          {flag.description && (
            <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">{flag.description}</p>
          )}
        </div>
        {flag.pausedAt && (
          <PausedBanner
            linked={false}
            flags={[{ key: flag.key, reason: flag.pausedReason, at: flag.pausedAt.toISOString() }]}
          />
        )}
        <FlagControls flag={view} />
        <FlagPreview flagKey={flag.key} result={preview} />
        <FlagSafeguards outcomes={outcomes} />
        <FlagSettingsForm key={view.updatedAt} flag={view} />
        <FlagListsForm key={`lists-${view.updatedAt}`} flag={view} />
        <FlagHistory events={history} />
      </main>
    </>
  );
}
