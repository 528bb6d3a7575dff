// Walks the audit chain in seq order and reports the first row that does not hold: its hash does not
// recompute from its content (an edit), its personal fields do not match their commitments, or its
// link to the row before is wrong (rows deleted, inserted or reordered).
import { auditHash, commitmentMismatch, GENESIS_HASH, sealedHash, type FieldDigests } from './hash';

/** A stored audit row as verification reads it. */
export type ChainRow = {
  seq: bigint;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  metadata: unknown;
  requestId: string | null;
  ip: string | null;
  commitments: unknown;
  salts: unknown;
  prevHash: string;
  hash: string;
};

export type BreakReason = 'hash_mismatch' | 'prev_link_broken' | 'gap';

export type VerifyResult =
  | { ok: true; checked: number; headSeq: string | null; headHash: string | null }
  | { ok: false; checked: number; firstBrokenSeq: string; reason: BreakReason; detail: string };

const digests = (value: unknown): FieldDigests => (value ?? {}) as FieldDigests;

/** The hash a row should carry, from its own content and its prev_hash. */
export function expectedHash(row: ChainRow): string {
  if (row.commitments === null) {
    return auditHash(row.prevHash, {
      at: row.at,
      actorId: row.actorId,
      actorRole: row.actorRole,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      reason: row.reason,
      metadata: row.metadata,
      requestId: row.requestId,
    });
  }
  return sealedHash(row.prevHash, {
    at: row.at,
    actorRole: row.actorRole,
    action: row.action,
    targetType: row.targetType,
    reason: row.reason,
    metadata: row.metadata,
    requestId: row.requestId,
    commitments: digests(row.commitments),
  });
}

/** Why one row fails on its own (not counting its link), or null when it holds. */
function rowFault(row: ChainRow): string | null {
  if (expectedHash(row) !== row.hash) return 'the hash does not recompute from the row';
  if (row.commitments === null) return row.ip === null ? null : 'a version-1 row cannot hold an IP';
  const field = commitmentMismatch(
    { actorId: row.actorId, targetId: row.targetId, ip: row.ip },
    digests(row.commitments),
    digests(row.salts),
  );
  return field ? `${field} does not match its commitment` : null;
}

/**
 * Verifies rows arriving in seq order, in batches. `hashExists` tells a deleted predecessor (its hash
 * is nowhere: a gap) from a link to some other row (reordered or forked).
 */
export async function verifyChain(
  batches: AsyncIterable<ChainRow[]>,
  hashExists: (hash: string) => Promise<boolean>,
): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let head: ChainRow | null = null;
  let checked = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      const seq = row.seq.toString();
      if (row.prevHash !== prev) {
        const gap = row.prevHash === GENESIS_HASH ? false : !(await hashExists(row.prevHash));
        const missingStart = prev === GENESIS_HASH;
        return {
          ok: false,
          checked,
          firstBrokenSeq: seq,
          reason: gap || missingStart ? 'gap' : 'prev_link_broken',
          detail:
            gap || missingStart
              ? 'the row it links to is missing or was rewritten'
              : 'its prev_hash does not name the row before it',
        };
      }
      const fault = rowFault(row);
      if (fault) return { ok: false, checked, firstBrokenSeq: seq, reason: 'hash_mismatch', detail: fault };
      prev = row.hash;
      head = row;
      checked += 1;
    }
  }
  return { ok: true, checked, headSeq: head?.seq.toString() ?? null, headHash: head?.hash ?? null };
}
