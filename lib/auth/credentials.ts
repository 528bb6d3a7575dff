// Checks an email and password; the only answer on failure is null (no hint which part was wrong).
import 'server-only';
import { z } from 'zod';
import { findUserForSignIn, type SessionUser } from '@/lib/db/users';
import { decoyHash, verifyPassword } from './password';

export const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export async function checkCredentials(input: unknown): Promise<SessionUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await findUserForSignIn(parsed.data.email);
  if (!user?.passwordHash) {
    await verifyPassword(parsed.data.password, await decoyHash());
    return null;
  }
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
