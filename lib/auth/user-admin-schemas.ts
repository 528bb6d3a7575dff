// The inputs of the admin Users page and of sign-up, as zod schemas with their limits: the server
// actions parse with them, and the forms take their lengths from the same numbers.
import { z } from 'zod';
import { auth } from '@/lib/config';
import { roles, userLimits, userStatuses } from './user-limits';

export { roles, userLimits, userStatuses, type UserStatus } from './user-limits';

const id = z.string().min(1).max(100);
const email = z.email('must be an email address').max(userLimits.emailMaxChars);
/** A group is trimmed; empty means none. */
const group = z
  .string()
  .trim()
  .max(userLimits.groupMaxChars, `must be at most ${userLimits.groupMaxChars} characters`)
  .nullable()
  .transform((value) => (value ? value : null));

export const changeRoleInput = z.object({ userId: id, role: z.enum(roles) });
export const setDisabledInput = z.object({ userId: id, disabled: z.boolean() });
export const setGroupInput = z.object({ userId: id, group });
export const inviteInput = z.object({ email, role: z.enum(roles), group });
export const revokeInviteInput = z.object({ inviteId: id });

/** The list's search parameters; anything malformed falls back to its default. */
export const userListParams = z.object({
  q: z.string().trim().max(userLimits.searchMaxChars).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  status: z.enum(userStatuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type UserListParams = z.infer<typeof userListParams>;

export const signUpInput = z.object({
  email: email.optional(),
  name: z.string().trim().max(userLimits.nameMaxChars).optional(),
  password: z
    .string()
    .min(auth.minPasswordLength, `must be at least ${auth.minPasswordLength} characters`)
    .max(userLimits.passwordMaxChars),
  inviteToken: z.string().max(200).optional(),
});
