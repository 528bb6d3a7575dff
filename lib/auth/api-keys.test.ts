import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  apiKeyFromAuthorization,
  apiKeyPrefix,
  apiKeyStatus,
  expiryFromDays,
  generateApiKey,
  hashApiKey,
  isWellFormedApiKey,
  knownScopes,
  newApiKeySchema,
} from './api-keys';

describe('API key helpers (lib/auth/api-keys)', () => {
  it('makes rag_ keys of 32 random bytes in base64url, with a 12-character prefix and a SHA-256 hash', () => {
    const { key, prefix, keyHash } = generateApiKey();
    expect(key).toMatch(/^rag_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.slice(4), 'base64url')).toHaveLength(32);
    expect(prefix).toBe(key.slice(0, 12));
    expect(apiKeyPrefix(key)).toBe(prefix);
    expect(keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(isWellFormedApiKey(key)).toBe(true);
  });

  it('never makes the same key twice', () => {
    const keys = new Set(Array.from({ length: 100 }, () => generateApiKey().key));
    expect(keys.size).toBe(100);
  });

  it('reads the key of a Bearer Authorization header', () => {
    const { key } = generateApiKey();
    expect(apiKeyFromAuthorization(`Bearer ${key}`)).toBe(key);
    // The scheme is case-insensitive (RFC 9110).
    expect(apiKeyFromAuthorization(`bearer ${key}`)).toBe(key);
  });

  it('answers null for anything malformed', () => {
    const { key } = generateApiKey();
    for (const header of [
      null,
      undefined,
      '',
      'Bearer',
      'Bearer ',
      key,
      `Basic ${key}`,
      `Bearer ${key} extra`,
      `Bearer ${key}x`,
      `Bearer ${key.slice(0, -1)}`,
      `Bearer sk_${key.slice(4)}`,
      `Bearer ${key.slice(0, 10)}+/${key.slice(12)}`,
      'Bearer rag_',
    ]) {
      expect(apiKeyFromAuthorization(header), String(header)).toBeNull();
    }
  });

  it('tells active, expired and revoked keys apart', () => {
    const now = new Date('2026-01-10T12:00:00Z');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: new Date('2026-01-11T00:00:00Z') }, now)).toBe(
      'active',
    );
    expect(apiKeyStatus({ revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(apiKeyStatus({ revokedAt: new Date('2026-01-01T00:00:00Z'), expiresAt: null }, now)).toBe(
      'revoked',
    );
  });

  it('keeps only the scopes the code knows, in their canonical order', () => {
    expect(knownScopes(['ingest', 'admin', 'query'])).toEqual(['query', 'ingest']);
    expect(knownScopes([])).toEqual([]);
  });
});

describe('new API key input (newApiKeySchema)', () => {
  it('trims the name, orders and de-duplicates scopes, and takes an optional expiry in days', () => {
    expect(newApiKeySchema.parse({ name: ' CI ', scopes: ['ingest', 'query', 'ingest'] })).toEqual({
      name: 'CI',
      scopes: ['query', 'ingest'],
    });
    expect(newApiKeySchema.parse({ name: 'n', scopes: ['query'], expiresInDays: 30 }).expiresInDays).toBe(30);
  });

  it('names the field that is wrong', () => {
    const issues = (input: unknown) =>
      newApiKeySchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ name: '  ', scopes: ['query'] })).toEqual(['name: must not be empty']);
    expect(issues({ name: 'x'.repeat(101), scopes: ['query'] })).toEqual([
      'name: must be at most 100 characters',
    ]);
    expect(issues({ name: 'n', scopes: [] })).toEqual(['scopes: choose at least one scope']);
    expect(issues({ name: 'n', scopes: ['admin'] })).toEqual(['scopes.0: must be one of query, ingest']);
    expect(issues({ name: 'n', scopes: ['query'], expiresInDays: 0 })).toEqual([
      'expiresInDays: must be at least 1',
    ]);
    expect(issues({ name: 'n', scopes: ['query'], expiresInDays: 1.5 })).toEqual([
      'expiresInDays: must be a whole number of days',
    ]);
    expect(issues({ name: 'n', scopes: ['query'], expiresInDays: 366 })).toEqual([
      'expiresInDays: must be at most 365',
    ]);
  });

  it('turns days into an expiry time, or none', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(expiryFromDays(undefined, now)).toBeNull();
    expect(expiryFromDays(30, now)?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });
});
