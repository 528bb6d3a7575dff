// API keys without the database: making a key, hashing it, reading it from a request, its public view.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const apiKeyScopes = ['query', 'ingest'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** Scopes only an admin's key may hold. */
export const adminOnlyScopes: readonly ApiKeyScope[] = ['ingest'];

export const apiKeyLimits = {
  /** Length of a key's name, in characters. */
  nameMaxChars: 100,
  /** Longest lifetime a key can be given, in days (no expiry at all is also allowed). */
  maxExpiryDays: 365,
} as const;

const KEY_PREFIX = 'rag_';
const KEY_BYTES = 32;
/** Characters shown to recognise a key: "rag_" and the first 8 random ones. */
const VISIBLE_CHARS = 12;
// 32 bytes in base64url without padding are 43 characters.
const KEY_PATTERN = /^rag_[A-Za-z0-9_-]{43}$/;

export type GeneratedApiKey = { key: string; prefix: string; keyHash: string };

export function generateApiKey(): GeneratedApiKey {
  const key = `${KEY_PREFIX}${randomBytes(KEY_BYTES).toString('base64url')}`;
  return { key, prefix: apiKeyPrefix(key), keyHash: hashApiKey(key) };
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, VISIBLE_CHARS);
}

/** SHA-256 hex: the key is 256 random bits, so a fast unsalted hash is enough to store it safely. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function isWellFormedApiKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** The key of `Authorization: Bearer <key>`; null for anything else (other schemes, junk, no key). */
export function apiKeyFromAuthorization(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) return null;
  const key = match[1]!;
  return isWellFormedApiKey(key) ? key : null;
}

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

export function apiKeyStatus(
  key: { revokedAt: Date | null; expiresAt: Date | null },
  now: Date = new Date(),
): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** A key as the API and the settings pages show it: never the key or its hash. */
export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  status: ApiKeyStatus;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Only in the admin listing of everyone's keys. */
  ownerEmail?: string;
};

/** Stored scopes that are still known (a scope dropped from the code grants nothing). */
export function knownScopes(scopes: readonly string[]): ApiKeyScope[] {
  return apiKeyScopes.filter((scope) => scopes.includes(scope));
}

/** What a client sends to create a key (the API and the settings page). */
export const newApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(apiKeyLimits.nameMaxChars, `must be at most ${apiKeyLimits.nameMaxChars} characters`),
  scopes: z
    .array(z.enum(apiKeyScopes, { error: `must be one of ${apiKeyScopes.join(', ')}` }))
    .min(1, 'choose at least one scope')
    .transform((scopes) => knownScopes(scopes)),
  expiresInDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(apiKeyLimits.maxExpiryDays, `must be at most ${apiKeyLimits.maxExpiryDays}`)
    .optional(),
});

export type NewApiKey = z.infer<typeof newApiKeySchema>;

export function expiryFromDays(days: number | undefined, now: Date = new Date()): Date | null {
  return days === undefined ? null : new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}
