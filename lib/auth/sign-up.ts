// Who may create an account, by SIGNUP_MODE: `open` (anyone), `invite` (an admin's invitation) or
// `closed` (admins create accounts with `npm run user:create`). The same rules apply to a password
// sign-up and to a first single sign-on.
import 'server-only';
import { auth as authConfig, rateLimits } from '@/lib/config';
import { env } from '@/lib/env';
import { findUserByAccount, linkAccount, type SsoIdentity } from '@/lib/db/accounts';
import { recordAudit } from '@/lib/db/audit';
import { db } from '@/lib/db/client';
import { acceptInvite, findUsableInvite, findUsableInviteForEmail } from '@/lib/db/invites';
import { normaliseEmail, type SessionUser } from '@/lib/db/users';
import { AppError } from '@/lib/http/errors';
import { limit } from '@/lib/rate-limit/limiter';
import { rateLimitedError } from '@/lib/rate-limit/response';
import { hashPassword } from './password';

export type SignUpMode = 'open' | 'invite' | 'closed';

export const signUpMode = (): SignUpMode => env().SIGNUP_MODE;

export type PasswordSignUp = {
  email: string;
  name?: string | null;
  password: string;
  /** The token of an invitation link; required in `invite` mode. */
  inviteToken?: string | null;
  /** The client IP, for the sign-up rate limit. */
  ip: string | null;
};

/** Creates an account with a password, as the mode allows; throws AppError with the reason otherwise. */
export async function signUpWithPassword(input: PasswordSignUp): Promise<SessionUser> {
  const mode = signUpMode();
  if (mode === 'closed')
    throw new AppError('forbidden', 'Sign-up is closed. Ask an administrator for an account.');
  const allowed = await limit(`ip:${input.ip ?? 'unknown'}`, rateLimits.signUpPerIp);
  if (!allowed.allowed) throw rateLimitedError(allowed, rateLimits.signUpPerIp, 'sign-ups');
  if (input.password.length < authConfig.minPasswordLength)
    throw new AppError(
      'validation_failed',
      `password: must be at least ${authConfig.minPasswordLength} characters`,
    );
  const passwordHash = await hashPassword(input.password);
  if (input.inviteToken) {
    const invite = await findUsableInvite(input.inviteToken);
    if (!invite) throw new AppError('bad_request', 'This invitation link is not valid or has expired.');
    return acceptInvite(invite.id, { name: input.name, passwordHash });
  }
  if (mode === 'invite')
    throw new AppError('forbidden', 'Sign-up is by invitation. Ask an administrator for an invitation link.');
  const email = normaliseEmail(input.email);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
      throw new AppError('bad_request', 'An account with this email already exists. Sign in instead.');
    const user = await tx.user.create({
      data: { email, name: input.name ?? null, passwordHash, role: 'USER' },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role },
        action: 'user.signed_up',
        target: { type: 'user', id: user.id },
      },
      tx,
    );
    return user;
  });
}

export type SsoProfile = SsoIdentity & { email: string | null; emailVerified: boolean; name: string | null };

export type SsoOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: 'disabled' | 'signup_closed' | 'no_invite' | 'unverified_email' };

/**
 * The user a single sign-on signs in as: the linked account; else the user with the same, verified,
 * email (linked now); else a new user, as the sign-up mode allows.
 */
export async function resolveSsoUser(profile: SsoProfile): Promise<SsoOutcome> {
  const identity = { provider: profile.provider, providerAccountId: profile.providerAccountId };
  const linked = await findUserByAccount(identity);
  if (linked) return linked.disabledAt ? { ok: false, reason: 'disabled' } : { ok: true, userId: linked.id };
  // An unverified address could be anybody's: it neither matches an existing user nor an invitation.
  if (!profile.email || !profile.emailVerified) return { ok: false, reason: 'unverified_email' };
  const email = normaliseEmail(profile.email);
  const existing = await db().user.findUnique({
    where: { email },
    select: { id: true, role: true, disabledAt: true },
  });
  if (existing) {
    if (existing.disabledAt) return { ok: false, reason: 'disabled' };
    await db().$transaction(async (tx) => {
      await linkAccount(existing.id, identity, tx);
      await recordAudit(
        {
          actor: { id: existing.id, role: existing.role },
          action: 'user.sso_linked',
          target: { type: 'user', id: existing.id },
          metadata: { provider: identity.provider },
        },
        tx,
      );
    });
    return { ok: true, userId: existing.id };
  }
  const mode = signUpMode();
  if (mode === 'closed') return { ok: false, reason: 'signup_closed' };
  const invite = await findUsableInviteForEmail(email);
  if (!invite && mode === 'invite') return { ok: false, reason: 'no_invite' };
  const user = await db().$transaction(async (tx) => {
    const created = invite
      ? await acceptInvite(invite.id, { name: profile.name }, tx)
      : await tx.user.create({
          data: { email, name: profile.name, role: 'USER', emailVerified: new Date() },
          select: { id: true, email: true, name: true, role: true },
        });
    await linkAccount(created.id, identity, tx);
    if (!invite)
      await recordAudit(
        {
          actor: { id: created.id, role: created.role },
          action: 'user.signed_up',
          target: { type: 'user', id: created.id },
          metadata: { provider: identity.provider },
        },
        tx,
      );
    return created;
  });
  return { ok: true, userId: user.id };
}
