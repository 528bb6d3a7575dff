// [AUDIT] The one audit writer appends hash-chained rows, in the caller's transaction when given one,
// with PII redacted, and concurrent writers never fork the chain.
import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH } from '../../lib/audit/hash';
import { recordAudit } from '../../lib/db/audit';
import { db } from '../../lib/db/client';

async function chain() {
  return db().auditEvent.findMany({ orderBy: { seq: 'asc' } });
}

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
        }),
      ),
    );
    const rows = await chain();
    expect(rows.filter((r) => r.action === 'test.concurrent')).toHaveLength(12);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(
        auditHash(row.prevHash, {
          at: row.at,
          actorId: row.actorId,
          actorRole: row.actorRole,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId,
          reason: row.reason,
          metadata: row.metadata,
          requestId: row.requestId,
        }),
      ).toBe(row.hash);
      prev = row.hash;
    }
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
