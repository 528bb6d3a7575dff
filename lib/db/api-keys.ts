// API keys: create, list, revoke, and authenticate a request's key. Ownership and roles are checked
// here, in the data path; the key itself is returned once by createApiKey and never stored.
import 'server-only';
import {
  adminOnlyScopes,
  apiKeyLimits,
  apiKeyStatus,
  generateApiKey,
  hashApiKey,
  isWellFormedApiKey,
  knownScopes,
  type ApiKeyScope,
  type ApiKeyView,
} from '@/lib/auth/api-keys';
import { assertRole, hasRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/http/errors';
import { log } from '@/lib/observability/logger';
import { recordAudit } from './audit';
import { db } from './client';
import { queryRows } from './sql';
import type { SessionUser } from './users';
import type { Role } from '@/lib/generated/prisma/enums';

/** A key in use writes its last-used time at most this often, so hot keys don't write on every request. */
const LAST_USED_RESOLUTION_SECONDS = 60;

const keyFields = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

function toView(row: KeyRow, ownerEmail?: string): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: knownScopes(row.scopes),
    status: apiKeyStatus(row),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    ...(ownerEmail === undefined ? {} : { ownerEmail }),
  };
}

function notFound(): AppError {
  return new AppError('not_found', 'No API key with this id.');
}

export async function createApiKey(input: {
  user: SessionUser;
  name: string;
  scopes: readonly ApiKeyScope[];
  expiresAt?: Date | null;
}): Promise<{ key: string; view: ApiKeyView }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > apiKeyLimits.nameMaxChars)
    throw new AppError('validation_failed', `name: must be 1 to ${apiKeyLimits.nameMaxChars} characters`);
  const scopes = knownScopes(input.scopes);
  if (scopes.length === 0 || scopes.length !== new Set(input.scopes).size)
    throw new AppError('validation_failed', 'scopes: give one or more of query, ingest');
  const refused = scopes.find((scope) => adminOnlyScopes.includes(scope));
  if (refused && input.user.role !== 'ADMIN')
    throw new AppError('forbidden', `Only admins may create keys with the "${refused}" scope.`);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
    throw new AppError('validation_failed', 'expiresAt: must be in the future');

  const { key, prefix, keyHash } = generateApiKey();
  const row = await db().apiKey.create({
    data: { userId: input.user.id, name, prefix, keyHash, scopes, expiresAt: input.expiresAt ?? null },
    select: keyFields,
  });
  return { key, view: toView(row) };
}

/** The user's own keys, newest first, revoked and expired ones included (shown with their status). */
export async function listOwnApiKeys(user: SessionUser): Promise<ApiKeyView[]> {
  const rows = await db().apiKey.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: 'desc' },
    select: keyFields,
  });
  return rows.map((row) => toView(row));
}

/** Every user's keys with their owner's email; admins only. */
export async function listAllApiKeys(viewer: SessionUser | null): Promise<ApiKeyView[]> {
  assertRole(viewer, ['ADMIN']);
  const rows = await db().apiKey.findMany({
    orderBy: { createdAt: 'desc' },
    select: { ...keyFields, user: { select: { email: true } } },
  });
  return rows.map(({ user, ...row }) => toView(row, user.email));
}

/**
 * Revokes a key of the viewer's, or anyone's for an admin. Revoking a revoked key changes nothing.
 * Someone else's key answers 404, the same as a key that does not exist.
 */
export async function revokeApiKey(viewer: SessionUser, id: string): Promise<ApiKeyView> {
  const row = await db().apiKey.findUnique({ where: { id }, select: { ...keyFields, userId: true } });
  if (!row || (row.userId !== viewer.id && !hasRole(viewer, ['ADMIN']))) throw notFound();
  if (row.revokedAt) return toView(row);
  // Only the first revocation sets the time, even when two arrive at once, and only it is audited.
  await db().$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return;
    await recordAudit(
      {
        actor: viewer,
        action: 'api_key.revoked',
        target: { type: 'api_key', id },
        // Neither the owner's id nor the key's name (free text, often the owner's own words): a person is
        // named only as actor or target, which a GDPR erasure can pseudonymise. The prefix tells the key.
        metadata: { prefix: row.prefix, byOwner: row.userId === viewer.id },
      },
      tx,
    );
  });
  const revoked = await db().apiKey.findUnique({ where: { id }, select: keyFields });
  if (!revoked) throw notFound();
  return toView(revoked);
}

export type AuthenticatedApiKey = { user: SessionUser; apiKey: { id: string; scopes: ApiKeyScope[] } };

/** The key's user and scopes; null for a malformed, unknown, revoked or expired key, or a disabled user's. */
export async function authenticateApiKey(key: string): Promise<AuthenticatedApiKey | null> {
  if (!isWellFormedApiKey(key)) return null;
  // Every API request runs this: one statement on the pool itself (sql.ts). Active as apiKeyStatus
  // says: not revoked, not expired (the columns hold UTC without a time zone).
  const [row] = await queryRows<{
    id: string;
    scopes: string[];
    active: boolean;
    userId: string;
    email: string;
    name: string | null;
    role: Role;
    disabled: boolean;
  }>(
    `SELECT k.id, k.scopes,
      k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now() AT TIME ZONE 'UTC') AS active,
      u.id AS "userId", u.email, u.name, u.role::text AS role, u.disabled_at IS NOT NULL AS disabled
    FROM api_keys k JOIN users u ON u.id = k.user_id
    WHERE k.key_hash = $1`,
    [hashApiKey(key)],
  );
  if (!row || !row.active || row.disabled) return null;
  void touchLastUsed(row.id);
  const { userId: id, email, name, role } = row;
  return { user: { id, email, name, role }, apiKey: { id: row.id, scopes: knownScopes(row.scopes) } };
}

// When this process last recorded each key's use: within the resolution it does not ask the
// database again (the conditional UPDATE below covers the other instances).
const touchedAt = new Map<string, number>();
const TOUCHED_MAX = 10_000;

/**
 * Records that the key was used, unless that was recorded less than a minute ago: by this process
 * (no statement at all), or by any instance (one conditional UPDATE). Not awaited by the request; a
 * failure is logged and the request goes on. The columns hold UTC without a time zone (as Prisma
 * writes them), so the database clock is read in UTC too.
 */
async function touchLastUsed(id: string): Promise<void> {
  const now = Date.now();
  const last = touchedAt.get(id);
  if (last !== undefined && now - last < LAST_USED_RESOLUTION_SECONDS * 1000) return;
  if (touchedAt.size >= TOUCHED_MAX) touchedAt.clear();
  touchedAt.set(id, now);
  try {
    await db().$executeRaw`
      UPDATE api_keys SET last_used_at = now() AT TIME ZONE 'UTC'
      WHERE id = ${id}
        AND (last_used_at IS NULL
          OR last_used_at < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS}::float8))`;
  } catch (error) {
    touchedAt.delete(id); // the next request tries again
    log().error({ err: error, apiKeyId: id }, 'could not record the API key use');
  }
}
