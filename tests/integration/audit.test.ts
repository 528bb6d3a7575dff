// [AUDIT] The one audit writer appends hash-chained rows, in the caller's transaction when given one,
// with PII redacted, and concurrent writers never fork the chain. The database refuses to change or
// delete a row; an edit made behind the app's back is caught by verification at the right row;
// erasure's pseudonymisation keeps the chain verifiable; the export streams the filtered rows.
import { describe, expect, it } from 'vitest';
import { auditExportStream } from '../../lib/audit/export';
import { expectedHash } from '../../lib/audit/verify';
import { pseudonymiseAuditSubject, recordAudit } from '../../lib/db/audit';
import { verifyAuditChain } from '../../lib/db/audit-log';
import { createApiKey, revokeApiKey } from '../../lib/db/api-keys';
import { db } from '../../lib/db/client';
import { deleteDocument, storeDocument } from '../../lib/db/documents';
import { upsertUser } from '../../lib/db/users';
import { auditAnswer } from '../../lib/rag/answer-audit';

async function chain() {
  return db().auditEvent.findMany({ orderBy: { seq: 'asc' } });
}

/** Runs `edit` with the table's triggers off, in a transaction of its own: a tamperer with superuser. */
async function behindTheAppsBack(edit: string, ...values: unknown[]) {
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
    await tx.$executeRawUnsafe(edit, ...values);
  });
}

const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe('[AUDIT] recordAudit', () => {
  it('links each row to the one before by hash, and the hashes recompute from the stored rows', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        recordAudit({
          actor: { id: `admin-${i}`, role: 'ADMIN' },
          action: 'test.concurrent',
          target: { type: 'user', id: `u-${i}` },
          metadata: { i, nested: { at: i } },
          requestId: `req-${i}`,
          ip: `10.0.0.${i}`,
        }),
      ),
    );
    const rows = await chain();
    expect(rows.filter((r) => r.action === 'test.concurrent')).toHaveLength(12);
    for (const [index, row] of rows.entries()) {
      expect(row.prevHash).toBe(index === 0 ? '0'.repeat(64) : rows[index - 1]!.hash);
      expect(expectedHash(row)).toBe(row.hash);
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: rows.length });
  });

  it('appends events recorded at the same time in one transaction, each caller waiting for its commit', async () => {
    const written = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        recordAudit({ actor: null, action: 'test.batched', metadata: { i } }),
      ),
    );
    const rows = await db().$queryRaw<{ seq: bigint; tx: string }[]>`
      SELECT seq, xmin::text AS tx FROM audit_events WHERE action = 'test.batched' ORDER BY seq`;
    // Each caller got its own row, committed: the first alone, the eleven that queued behind it together.
    expect(rows.map((row) => row.seq)).toEqual(written.map((row) => row.seq));
    expect(new Set(rows.map((row) => row.tx)).size).toBe(2);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it('fails only the event that cannot be stored when it shares a batch', async () => {
    const results = await Promise.allSettled([
      recordAudit({ actor: null, action: 'test.batch_ok', metadata: { n: 1 } }),
      recordAudit({ actor: null, action: 'test.batch_ok', metadata: { n: 2 } }),
      // Postgres refuses a NUL character in JSON.
      recordAudit({ actor: null, action: 'test.batch_bad', metadata: { text: 'a\u0000b' } }),
      recordAudit({ actor: null, action: 'test.batch_ok', metadata: { n: 3 } }),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const stored = await db().auditEvent.findMany({
      where: { action: { in: ['test.batch_ok', 'test.batch_bad'] } },
      orderBy: { seq: 'asc' },
    });
    expect(stored.map((row) => [row.action, (row.metadata as { n: number }).n])).toEqual([
      ['test.batch_ok', 1],
      ['test.batch_ok', 2],
      ['test.batch_ok', 3],
    ]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it('keeps personal fields out of the hash, behind salted commitments', async () => {
    const { seq } = await recordAudit({
      actor: { id: 'admin-c', role: 'ADMIN' },
      action: 'test.commitments',
      target: { type: 'user', id: 'user-c' },
      ip: '192.0.2.7',
    });
    const row = await db().auditEvent.findUniqueOrThrow({ where: { seq } });
    expect(row).toMatchObject({ actorId: 'admin-c', targetId: 'user-c', ip: '192.0.2.7' });
    expect(Object.keys(row.commitments as object).sort()).toEqual(['actorId', 'ip', 'targetId']);
    expect(JSON.stringify(row.commitments)).not.toContain('admin-c');
  });

  it('redacts PII in the reason and metadata before storing them', async () => {
    const { seq } = await recordAudit({
      actor: null,
      action: 'test.pii',
      reason: 'requested by jane.doe@example.com',
      metadata: { note: 'call +44 20 7946 0958' },
    });
    const row = await db().auditEvent.findUniqueOrThrow({ where: { seq } });
    expect(row.reason).not.toContain('jane.doe@example.com');
    expect(JSON.stringify(row.metadata)).not.toContain('7946');
  });

  it('commits or rolls back with the change it records', async () => {
    const before = await db().auditEvent.count({ where: { action: 'test.rolled_back' } });
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit({ actor: null, action: 'test.rolled_back' }, tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db().auditEvent.count({ where: { action: 'test.rolled_back' } })).toBe(before);
  });
});

describe('[AUDIT] append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const { seq } = await recordAudit({ actor: null, action: 'test.append_only', metadata: { n: 1 } });
    await expect(
      db().$executeRaw`UPDATE audit_events SET metadata = '{"n":2}' WHERE seq = ${seq}`,
    ).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM audit_events WHERE seq = ${seq}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db().$executeRawUnsafe('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    const row = await db().auditEvent.findUniqueOrThrow({ where: { seq } });
    expect(row.metadata).toEqual({ n: 1 });
  });

  it('refuses pseudonymisation outside its setting, and any other change inside it', async () => {
    const { seq } = await recordAudit({ actor: { id: 'subject-x', role: 'USER' }, action: 'test.narrow' });
    await expect(
      db()
        .$executeRaw`UPDATE audit_events SET actor_id = 'erased:x', salts = salts - 'actorId' WHERE seq = ${seq}`,
    ).rejects.toThrow(/append-only/);
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('rag.audit_pseudonymise', 'on', true)`;
        await tx.$executeRaw`UPDATE audit_events SET action = 'test.forged' WHERE seq = ${seq}`;
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('rag.audit_pseudonymise', 'on', true)`;
        // A new value that is not a pseudonym, with its salt kept: refused.
        await tx.$executeRaw`UPDATE audit_events SET actor_id = 'someone-else' WHERE seq = ${seq}`;
      }),
    ).rejects.toThrow(/append-only/);
    expect((await db().auditEvent.findUniqueOrThrow({ where: { seq } })).actorId).toBe('subject-x');
  });
});

describe('[AUDIT] verification', () => {
  it("catches a row edited behind the app's back at that row, and passes once it is restored", async () => {
    const { seq } = await recordAudit({
      actor: { id: 'admin-t', role: 'ADMIN' },
      action: 'test.tampered',
      metadata: { to: 'USER' },
    });
    await recordAudit({ actor: null, action: 'test.after_tampered' });
    await behindTheAppsBack(`UPDATE audit_events SET metadata = '{"to":"ADMIN"}' WHERE seq = $1`, seq);
    try {
      expect(await verifyAuditChain(7)).toMatchObject({
        ok: false,
        firstBrokenSeq: seq.toString(),
        reason: 'hash_mismatch',
      });
    } finally {
      await behindTheAppsBack(`UPDATE audit_events SET metadata = '{"to":"USER"}' WHERE seq = $1`, seq);
    }
    expect(await verifyAuditChain(7)).toMatchObject({ ok: true });
  });

  it('catches an actor swapped behind the commitment, a deleted row as a gap, and a rehashed row', async () => {
    const first = await recordAudit({ actor: { id: 'admin-s', role: 'ADMIN' }, action: 'test.swap' });
    const second = await recordAudit({ actor: null, action: 'test.swap_next' });
    const third = await recordAudit({ actor: null, action: 'test.swap_last' });

    await behindTheAppsBack(`UPDATE audit_events SET actor_id = 'admin-other' WHERE seq = $1`, first.seq);
    try {
      expect(await verifyAuditChain()).toMatchObject({
        ok: false,
        firstBrokenSeq: first.seq.toString(),
        reason: 'hash_mismatch',
        detail: 'actorId does not match its commitment',
      });
    } finally {
      await behindTheAppsBack(`UPDATE audit_events SET actor_id = 'admin-s' WHERE seq = $1`, first.seq);
    }

    const saved = await db().$queryRaw<
      Record<string, unknown>[]
    >`SELECT * FROM audit_events WHERE seq = ${second.seq}`;
    await behindTheAppsBack(`DELETE FROM audit_events WHERE seq = $1`, second.seq);
    try {
      expect(await verifyAuditChain()).toMatchObject({
        ok: false,
        firstBrokenSeq: third.seq.toString(),
        reason: 'gap',
      });
    } finally {
      await behindTheAppsBack(
        `INSERT INTO audit_events SELECT * FROM jsonb_populate_record(NULL::audit_events, $1::jsonb)`,
        JSON.stringify(saved[0], (_, value: unknown) =>
          typeof value === 'bigint' ? value.toString() : value,
        ),
      );
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});

describe('[AUDIT] pseudonymisation for erasure', () => {
  it('replaces a person in every row, drops their salts and IP, and the chain still verifies', async () => {
    await recordAudit({
      actor: { id: 'erase-me', role: 'USER' },
      action: 'test.erasure',
      ip: '198.51.100.4',
    });
    await recordAudit({
      actor: { id: 'admin-e', role: 'ADMIN' },
      action: 'test.erasure',
      target: { type: 'user', id: 'erase-me' },
      ip: '198.51.100.5',
    });
    const { rows } = await db().$transaction((tx) => pseudonymiseAuditSubject(tx, 'erase-me', 'erased:3f2a'));
    expect(rows).toBe(2);
    const after = await db().auditEvent.findMany({
      where: { action: 'test.erasure' },
      orderBy: { seq: 'asc' },
    });
    expect(after.map((row) => [row.actorId, row.targetId, row.ip])).toEqual([
      ['erased:3f2a', null, null],
      ['admin-e', 'erased:3f2a', '198.51.100.5'],
    ]);
    expect(after[0]!.salts).toEqual({});
    expect(after[1]!.salts).not.toHaveProperty('targetId');
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    // The setting ended with the erasure's transaction.
    await expect(
      db().$executeRaw`UPDATE audit_events SET actor_id = 'erased:again' WHERE seq = ${after[1]!.seq}`,
    ).rejects.toThrow(/append-only/);
  });
});

describe('[AUDIT] export', () => {
  it('streams the filtered rows as CSV and as JSON', async () => {
    const a = await recordAudit({
      actor: { id: 'admin-x', role: 'ADMIN' },
      action: 'test.export.one',
      target: { type: 'user', id: 'export-target' },
      reason: '=HYPERLINK("x"), with "quotes"',
      metadata: { from: 'USER', to: 'ADMIN' },
    });
    const b = await recordAudit({
      actor: null,
      action: 'test.export.two',
      target: { type: 'user', id: 'export-target' },
    });
    await recordAudit({ actor: null, action: 'test.export.two', target: { type: 'user', id: 'elsewhere' } });

    const json = JSON.parse(
      await text(
        auditExportStream({ action: 'test.export.', actor: undefined, target: 'export-target' }, 'json'),
      ),
    ) as { seq: string; action: string; metadata: unknown }[];
    expect(json.map((row) => [row.seq, row.action])).toEqual([
      [a.seq.toString(), 'test.export.one'],
      [b.seq.toString(), 'test.export.two'],
    ]);
    expect(json[0]!.metadata).toEqual({ from: 'USER', to: 'ADMIN' });

    const csv = await text(
      auditExportStream({ action: 'test.export.one', actor: 'admin-x', target: undefined }, 'csv'),
    );
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'seq,at,actorId,actorRole,action,targetType,targetId,reason,ip,requestId,metadata,hash',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${a.seq},`);
    // Quoted, quotes doubled, and the leading = defused.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""), with ""quotes"""`);

    const empty = await text(
      auditExportStream({ action: 'test.export.none', actor: undefined, target: undefined }, 'json'),
    );
    expect(JSON.parse(empty)).toEqual([]);
  });
});

describe('[AUDIT] acts recorded with their change', () => {
  it('records an API key revocation once, and a document deletion with its actor', async () => {
    const admin = await upsertUser({ email: 'audit-acts@example.test', role: 'ADMIN', passwordHash: 'x' });
    const { view } = await createApiKey({ user: admin, name: 'audited key', scopes: ['query'] });
    await revokeApiKey(admin, view.id);
    await revokeApiKey(admin, view.id);
    const revoked = await db().auditEvent.findMany({
      where: { action: 'api_key.revoked', targetId: view.id },
    });
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ actorId: admin.id, actorRole: 'ADMIN', targetType: 'api_key' });
    expect(revoked[0]!.metadata).toEqual({ prefix: expect.any(String), byOwner: true });

    const { document: doc } = await storeDocument({
      title: 'Audited handbook',
      source: 'audited.md',
      fileName: 'audited.md',
      format: 'markdown',
      mimeType: 'text/markdown',
      contentHash: 'audited-hash',
      visibility: 'SHARED',
      tags: [],
      language: 'english',
      createdById: null,
      bytes: new TextEncoder().encode('# Handbook'),
    });
    await deleteDocument(doc.id, { actor: admin, requestId: 'req-doc' });
    const deleted = await db().auditEvent.findFirstOrThrow({
      where: { action: 'document.deleted', targetId: doc.id },
    });
    expect(deleted).toMatchObject({ actorId: admin.id, requestId: 'req-doc' });
    expect(deleted.metadata).toMatchObject({ title: 'Audited handbook', source: 'audited.md' });
  });

  it('records an answered question with ids and numbers, never its text', async () => {
    await auditAnswer({
      queryLogId: 'ql-audit-1',
      userId: 'asker-1',
      apiKeyId: null,
      requestId: 'req-answer',
      door: 'chat',
      model: { id: 'local-extractive', provider: 'local', local: true } as never,
      route: { tier: 'small', reason: 'short question' } as never,
      status: 'OK',
      errorCode: null,
      confidence: 0.82,
      withheld: false,
      reviewed: false,
      degraded: false,
      cacheHit: false,
      costUsd: 0,
      tokensIn: 120,
      tokensOut: 40,
      latencyMs: 35,
      sources: [
        { chunkId: 'c1', documentId: 'd1' },
        { chunkId: 'c2', documentId: 'd1' },
      ] as never,
    });
    const row = await db().auditEvent.findFirstOrThrow({
      where: { action: 'query.answered', targetId: 'ql-audit-1' },
    });
    expect(row).toMatchObject({ actorId: 'asker-1', actorRole: null, targetType: 'query_log' });
    expect(row.metadata).toMatchObject({
      model: 'local-extractive',
      route: { tier: 'small', reason: 'short question' },
      confidence: 0.82,
      chunkIds: ['c1', 'c2'],
      documentIds: ['d1'],
      status: 'OK',
    });
  });
});
