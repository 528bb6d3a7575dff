// Role checks shared by the route wrapper, pages and the data-access layer.
import { AppError } from '@/lib/http/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import type { SessionUser } from '@/lib/db/users';

export type { Role };

export function hasRole(user: Pick<SessionUser, 'role'>, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}

/** Throws 401 when signed out and 403 when the role is not allowed. */
export function assertRole(user: SessionUser | null, roles: readonly Role[]): asserts user is SessionUser {
  if (!user) throw new AppError('unauthorized', 'Sign in to continue.');
  if (!hasRole(user, roles)) throw new AppError('forbidden', 'You do not have access to this.');
}
