// Single sign-on identities: which user an OIDC provider's subject is. Provider tokens are not kept.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';

type Tx = Prisma.TransactionClient;

export type SsoIdentity = { provider: string; providerAccountId: string };

/** The user this provider subject signs in as (with whether they are disabled), or null. */
export async function findUserByAccount(identity: SsoIdentity) {
  const account = await db().account.findUnique({
    where: { provider_providerAccountId: identity },
    select: { user: { select: { id: true, disabledAt: true } } },
  });
  return account?.user ?? null;
}

export async function linkAccount(userId: string, identity: SsoIdentity, tx?: Tx): Promise<void> {
  await (tx ?? db()).account.create({ data: { userId, type: 'oidc', ...identity } });
}
