'use client';
// Inviting: the form, the link just made (shown once), and the invitations still pending.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { InviteUserForm, type CreatedInvite } from './invite-user-form';
import { NewInviteLink } from './new-invite-link';
import { PendingInvites } from './pending-invites';
import type { InviteView } from './types';

export function InvitesPanel({ pending, inviteTtlDays }: { pending: InviteView[]; inviteTtlDays: number }) {
  const router = useRouter();
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  return (
    <div className="space-y-6">
      {created ? (
        <NewInviteLink invite={created} onDone={() => setCreated(null)} />
      ) : (
        <InviteUserForm
          inviteTtlDays={inviteTtlDays}
          onCreated={(invite) => {
            setCreated(invite);
            router.refresh();
          }}
        />
      )}
      <PendingInvites invites={pending} onRevoked={() => router.refresh()} />
    </div>
  );
}
