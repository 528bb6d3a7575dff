// [API KEYS] A key's life in the data layer: created once, authenticated by its hash, used, revoked;
// expired keys fail; the ingest scope is for admins; nobody learns of another user's keys.
import { describe, expect, it, vi } from 'vitest';
import { GET as listDocuments } from '../../app/api/v1/documents/route';
import {
  authenticateApiKey,
  createApiKey,
  listAllApiKeys,
  listOwnApiKeys,
  revokeApiKey,
} from '../../lib/db/api-keys';
import { db } from '../../lib/db/client';
import { upsertUser } from '../../lib/db/users';
import { AppError } from '../../lib/http/errors';
import { rejectionOf } from '../support/rejection';

const someone = (email: string, role: 'USER' | 'ADMIN' | 'COMPLIANCE' = 'USER') =>
  upsertUser({ email, role, passwordHash: 'scrypt$x' });

const errorOf = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

describe('[API KEYS] lifecycle', () => {
  it('creates a key shown once, authenticates it, records its use, and refuses it once revoked', async () => {
    const owner = await someone('key-owner@example.com');
    const { key, view } = await createApiKey({ user: owner, name: '  CI pipeline ', scopes: ['query'] });
    expect(key).toMatch(/^rag_[A-Za-z0-9_-]{43}$/);
    expect(view).toMatchObject({
      name: 'CI pipeline',
      prefix: key.slice(0, 12),
      scopes: ['query'],
      status: 'active',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(view)).not.toContain(key);
    // Only the hash is stored.
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id: view.id } });
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(key.slice(12));

    const found = await authenticateApiKey(key);
    expect(found).toEqual({
      user: { id: owner.id, email: owner.email, name: null, role: 'USER' },
      apiKey: { id: view.id, scopes: ['query'] },
    });
    // The use is recorded in the background, close to now.
    const lastUsedAt = await vi.waitFor(async () => {
      const row = await db().apiKey.findUniqueOrThrow({ where: { id: view.id } });
      expect(row.lastUsedAt).not.toBeNull();
      return row.lastUsedAt!;
    });
    expect(Math.abs(lastUsedAt.getTime() - Date.now())).toBeLessThan(60_000);

    // Within the minute, a second use writes nothing.
    await db().apiKey.update({ where: { id: view.id }, data: { lastUsedAt: new Date(Date.now() - 30_000) } });
    const recent = (await db().apiKey.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt!;
    await authenticateApiKey(key);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt).toEqual(recent);
    // This process recorded a use less than a minute ago, so it does not even ask the database: an
    // older value there (another instance's, say) stays until the minute is over.
    const older = new Date(Date.now() - 120_000);
    await db().apiKey.update({ where: { id: view.id }, data: { lastUsedAt: older } });
    await authenticateApiKey(key);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt).toEqual(older);
    // After the minute, the next use moves it on.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      await authenticateApiKey(key);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(async () => {
      const row = await db().apiKey.findUniqueOrThrow({ where: { id: view.id } });
      expect(Date.now() - row.lastUsedAt!.getTime()).toBeLessThan(60_000);
    });

    const revoked = await revokeApiKey(owner, view.id);
    expect(revoked.status).toBe('revoked');
    expect(await authenticateApiKey(key)).toBeNull();
    // Revoking again changes nothing.
    expect((await revokeApiKey(owner, view.id)).revokedAt).toBe(revoked.revokedAt);
    expect((await listOwnApiKeys(owner)).map((k) => [k.id, k.status])).toEqual([[view.id, 'revoked']]);
  });

  it('refuses an expired key, an unknown one and a malformed one', async () => {
    const owner = await someone('expiring@example.com');
    const { key, view } = await createApiKey({
      user: owner,
      name: 'short-lived',
      scopes: ['query'],
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(view.status).toBe('active');
    expect(await authenticateApiKey(key)).not.toBeNull();
    await db().apiKey.update({ where: { id: view.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await authenticateApiKey(key)).toBeNull();
    expect((await listOwnApiKeys(owner))[0]?.status).toBe('expired');

    const unknown = `rag_${'A'.repeat(43)}`;
    expect(await authenticateApiKey(unknown)).toBeNull();
    expect(await authenticateApiKey('not a key')).toBeNull();
  });

  it("refuses a disabled user's key, and takes it again once the user is enabled", async () => {
    const owner = await someone('disabled-key-owner@example.com');
    const { key } = await createApiKey({ user: owner, name: 'cron', scopes: ['query'] });
    expect(await authenticateApiKey(key)).not.toBeNull();
    await db().user.update({ where: { id: owner.id }, data: { disabledAt: new Date() } });
    expect(await authenticateApiKey(key)).toBeNull();
    await db().user.update({ where: { id: owner.id }, data: { disabledAt: null } });
    expect((await authenticateApiKey(key))?.user).toEqual({
      id: owner.id,
      email: owner.email,
      name: null,
      role: 'USER',
    });
  });

  it('gives the ingest scope to admins only, and checks names and scopes', async () => {
    const user = await someone('wants-ingest@example.com');
    const admin = await someone('ingest-admin@example.com', 'ADMIN');
    const refused = await errorOf(createApiKey({ user, name: 'uploader', scopes: ['query', 'ingest'] }));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain('"ingest"');
    expect(await db().apiKey.count({ where: { userId: user.id } })).toBe(0);

    const { key } = await createApiKey({ user: admin, name: 'uploader', scopes: ['ingest', 'query'] });
    expect((await authenticateApiKey(key))?.apiKey.scopes).toEqual(['query', 'ingest']);

    for (const name of ['', '   ', 'x'.repeat(101)]) {
      expect((await errorOf(createApiKey({ user, name, scopes: ['query'] }))).status).toBe(400);
    }
    expect((await errorOf(createApiKey({ user, name: 'none', scopes: [] }))).status).toBe(400);
    const past = new Date(Date.now() - 1_000);
    expect(
      (await errorOf(createApiKey({ user, name: 'old', scopes: ['query'], expiresAt: past }))).status,
    ).toBe(400);
  });

  it("answers 404 for another user's key, as for a missing one; admins revoke and list any key", async () => {
    const owner = await someone('private-keys@example.com');
    const other = await someone('curious@example.com');
    const compliance = await someone('keys-audit@example.com', 'COMPLIANCE');
    const admin = await someone('keys-admin@example.com', 'ADMIN');
    const { key, view } = await createApiKey({ user: owner, name: 'mine', scopes: ['query'] });

    for (const viewer of [other, compliance]) {
      const error = await errorOf(revokeApiKey(viewer, view.id));
      expect(error.status).toBe(404);
      expect(error.message).toBe((await errorOf(revokeApiKey(viewer, 'no-such-key'))).message);
    }
    expect(await authenticateApiKey(key)).not.toBeNull();
    expect(await listOwnApiKeys(other)).toEqual([]);

    expect((await errorOf(listAllApiKeys(owner))).status).toBe(403);
    expect((await errorOf(listAllApiKeys(null))).status).toBe(401);
    const all = await listAllApiKeys(admin);
    expect(all.find((k) => k.id === view.id)).toMatchObject({ ownerEmail: 'private-keys@example.com' });

    expect((await revokeApiKey(admin, view.id)).status).toBe('revoked');
    expect(await authenticateApiKey(key)).toBeNull();
  });
});

describe('[API KEYS] the documents API with a key', () => {
  const get = (authorization: string) =>
    listDocuments(new Request('http://localhost/api/v1/documents', { headers: { authorization } }));

  it("takes an admin's ingest key, refuses a key without the scope (403) and a revoked one (401)", async () => {
    const admin = await someone('ingest-bot-owner@example.com', 'ADMIN');
    const ingest = await createApiKey({ user: admin, name: 'ingest bot', scopes: ['ingest'] });
    const query = await createApiKey({ user: admin, name: 'query bot', scopes: ['query'] });

    const ok = await get(`Bearer ${ingest.key}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveProperty('documents');

    const lacking = await get(`Bearer ${query.key}`);
    expect(lacking.status).toBe(403);
    expect((await lacking.json()).error.message).toBe('This API key lacks the "ingest" scope.');

    await revokeApiKey(admin, ingest.view.id);
    const revoked = await get(`Bearer ${ingest.key}`);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error).toMatchObject({
      code: 'unauthorized',
      message: 'Invalid or missing API key.',
    });
  });

  it('refuses the key of an admin who is no longer one', async () => {
    const admin = await someone('demoted@example.com', 'ADMIN');
    const { key } = await createApiKey({ user: admin, name: 'old ingest key', scopes: ['ingest'] });
    await someone('demoted@example.com', 'USER');
    expect((await get(`Bearer ${key}`)).status).toBe(403);
  });
});
