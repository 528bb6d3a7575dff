'use client';
// The invitation link just made, shown this once with a copy button: only its token's hash is kept.
import { formatDateTime } from '@/components/settings/format-date';
import { ShownOnceSecret } from '@/components/ui/shown-once-secret';
import type { CreatedInvite } from './invite-user-form';

export function NewInviteLink({ invite, onDone }: { invite: CreatedInvite; onDone: () => void }) {
  const link = `${window.location.origin}/signup?invite=${encodeURIComponent(invite.token)}`;
  return (
    <ShownOnceSecret
      title={<>Invitation for {invite.email}</>}
      note={
        <>
          Send this link to {invite.email} yourself (no email is sent). Copy it now: you won’t see it again.
          It works once, until {formatDateTime(invite.expiresAt)}.
        </>
      }
      label="Invitation link"
      noun="link"
      value={link}
      onDone={onDone}
      testIds={{ panel: 'new-invite', value: 'new-invite-link', done: 'new-invite-done' }}
    />
  );
}
