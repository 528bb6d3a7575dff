'use server';
// The admin Users page's changes, each through action(): admin only, input parsed with zod, and the
// data layer checks the role again and records the audit event with the change.
import {
  changeRoleInput,
  inviteInput,
  revokeInviteInput,
  setDisabledInput,
  setGroupInput,
} from '@/lib/auth/user-admin-schemas';
import { createInvite, revokeInvite } from '@/lib/db/invites';
import { changeRole, setDisabled, setGroup } from '@/lib/db/user-admin';
import { action } from '@/lib/http/action';

const admins = ['ADMIN'] as const;

export const changeUserRole = action(
  { name: 'user.change-role', roles: admins, input: changeRoleInput },
  ({ user, input, requestId }) => changeRole(user, input.userId, input.role, requestId),
);

export const setUserDisabled = action(
  { name: 'user.set-disabled', roles: admins, input: setDisabledInput },
  ({ user, input, requestId }) => setDisabled(user, input.userId, input.disabled, requestId),
);

export const setUserGroup = action(
  { name: 'user.set-group', roles: admins, input: setGroupInput },
  ({ user, input, requestId }) => setGroup(user, input.userId, input.group, requestId),
);

/** The token comes back once, for the link the admin sends; only its hash is kept. */
export const inviteUser = action(
  { name: 'invite.create', roles: admins, input: inviteInput },
  async ({ user, input, requestId }) => {
    const invite = await createInvite(user, input, requestId);
    return { ...invite, expiresAt: invite.expiresAt.toISOString() };
  },
);

export const revokeUserInvite = action(
  { name: 'invite.revoke', roles: admins, input: revokeInviteInput },
  async ({ user, input, requestId }) => {
    await revokeInvite(user, input.inviteId, requestId);
    return { inviteId: input.inviteId };
  },
);
