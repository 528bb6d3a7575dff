import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  apiKeyFromAuthorization,
  apiKeyPrefix,
  apiKeyStatus,
  generateApiKey,
  hashApiKey,
  isWellFormedApiKey,
  knownScopes,
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
