'use client';
// Invitations not yet used, revoked or expired, with revoke after confirming.
import { useState } from 'react';
import { revokeUserInvite } from '@/app/admin/users/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { buttonClasses } from '@/components/ui/button-styles';
import { formatDateTime } from '@/components/settings/format-date';
import { actionErrorMessage, callAction } from './action-error';
import { roleLabels, type InviteView } from './types';

export function PendingInvites({ invites, onRevoked }: { invites: InviteView[]; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState<InviteView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function revoke(invite: InviteView) {
    setBusy(invite.id);
    setError(null);
    const result = await callAction(() => revokeUserInvite({ inviteId: invite.id }));
    setBusy(null);
    if (!result.ok) return setError(actionErrorMessage(result));
    onRevoked();
  }

  return (
    <section aria-labelledby="pending-invites-heading" className="space-y-3">
      <h2 id="pending-invites-heading" className="text-lg font-semibold tracking-tight">
        Pending invitations
      </h2>
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
      {invites.length === 0 ? (
        <p data-testid="invites-empty" className="text-sm text-neutral-600 dark:text-neutral-400">
          None. Links that were used, revoked or have expired are not listed.
        </p>
      ) : (
        <ul
          data-testid="pending-invites"
          className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
        >
          {invites.map((invite) => (
            <li
              key={invite.id}
              data-testid="pending-invite"
              data-email={invite.email}
              className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2.5 text-sm"
            >
              <span className="min-w-0 flex-1 basis-48 truncate font-medium" title={invite.email}>
                {invite.email}
              </span>
              <span className="text-neutral-600 dark:text-neutral-400">
                {roleLabels[invite.role]}
                {invite.group ? ` · ${invite.group}` : ''}
              </span>
              <span className="text-neutral-600 dark:text-neutral-400">
                expires <time dateTime={invite.expiresAt}>{formatDateTime(invite.expiresAt)}</time>
              </span>
              <button
                type="button"
                disabled={busy === invite.id}
                onClick={() => setConfirming(invite)}
                data-testid="invite-revoke"
                className={buttonClasses(
                  'ghost',
                  'sm',
                  'text-red-700 hover:text-red-800 dark:text-red-400 dark:hover:text-red-300',
                )}
              >
                {busy === invite.id ? 'Revoking…' : 'Revoke'}
                <span className="sr-only"> the invitation of {invite.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={`Revoke the invitation of ${confirming?.email ?? 'this person'}?`}
        confirmLabel="Revoke"
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) void revoke(confirming);
          setConfirming(null);
        }}
      >
        The link stops working at once. You can invite the same address again later.
      </ConfirmDialog>
    </section>
  );
}
