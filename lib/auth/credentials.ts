// Checks an email and password; the only answer on failure is null (no hint which part was wrong, nor
// whether a rate limit refused the attempt).
import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { rateLimits } from '@/lib/config';
import { findUserForSignIn, type SessionUser } from '@/lib/db/users';
import { log } from '@/lib/observability/logger';
import { clientIp } from '@/lib/rate-limit/client-ip';
import { limit, refund } from '@/lib/rate-limit/limiter';
import { decoyHash, verifyPassword } from './password';

export const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

type Headers = Record<string, string | string[] | undefined>;

/** The email's bucket is its hash, so the limiter's store never holds an address. */
const emailBucket = (email: string) =>
  `email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;

/**
 * Brute force is slowed twice (rules in lib/config.ts, both failing closed when the store is down):
 * every attempt counts against the client IP, and each attempt against the email address counts as a
 * failure until the password proves right, when it is given back. An address with too many recent
 * failures waits out the window whatever is typed; after it, the right password works again.
 */
export async function checkCredentials(input: unknown, headers: Headers = {}): Promise<SessionUser | null> {
  const byIp = await limit(`ip:${clientIp(headers) ?? 'unknown'}`, rateLimits.signInPerIp);
  if (!byIp.allowed) {
    log().info({ rule: rateLimits.signInPerIp.id }, 'sign-in refused by rate limit');
    return null;
  }
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const bucket = emailBucket(parsed.data.email);
  const byEmail = await limit(bucket, rateLimits.signInFailuresPerEmail);
  if (!byEmail.allowed) {
    log().info({ rule: rateLimits.signInFailuresPerEmail.id }, 'sign-in refused by rate limit');
    return null;
  }
  const user = await findUserForSignIn(parsed.data.email);
  if (!user?.passwordHash) {
    await verifyPassword(parsed.data.password, await decoyHash());
    return null;
  }
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  await refund(bucket, rateLimits.signInFailuresPerEmail);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
