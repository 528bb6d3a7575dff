// Reading the audit trail: the filtered, seq-paginated list the console shows, the same rows streamed
// for export, and verification of the whole chain in batches.
import 'server-only';
import { dateBounds, type AuditFilter } from '@/lib/audit/filter';
import { verifyChain, type ChainRow, type VerifyResult } from '@/lib/audit/verify';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';

/** What the console and the export show of a row (no salts: they only serve verification). */
export type AuditRow = {
  seq: string;
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
  hash: string;
};

const shown = {
  seq: true,
  at: true,
  actorId: true,
  actorRole: true,
  action: true,
  targetType: true,
  targetId: true,
  reason: true,
  metadata: true,
  requestId: true,
  ip: true,
  hash: true,
} as const;

function where(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const at = dateBounds(filter);
  return {
    ...(filter.action && { action: { startsWith: filter.action } }),
    ...(filter.actor && { actorId: filter.actor }),
    ...(filter.target && { targetId: filter.target }),
    ...((at.gte || at.lt) && { at }),
  };
}

const toRow = (row: Omit<AuditRow, 'seq'> & { seq: bigint }): AuditRow => ({
  ...row,
  seq: row.seq.toString(),
});

/** One page, newest first; `nextBefore` is the cursor of the page after it, null on the last. */
export async function listAuditEvents(
  filter: AuditFilter,
  page: { before?: string; limit: number },
): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  const rows = await db().auditEvent.findMany({
    where: { ...where(filter), ...(page.before && { seq: { lt: BigInt(page.before) } }) },
    orderBy: { seq: 'desc' },
    take: page.limit + 1,
    select: shown,
  });
  const more = rows.length > page.limit;
  const kept = rows.slice(0, page.limit).map(toRow);
  return { rows: kept, nextBefore: more ? (kept.at(-1)?.seq ?? null) : null };
}

/** Every row the filter matches, oldest first, fetched `batchSize` at a time. */
export async function* streamAuditEvents(filter: AuditFilter, batchSize = 1_000): AsyncGenerator<AuditRow[]> {
  let after: bigint | null = null;
  for (;;) {
    const rows: (Omit<AuditRow, 'seq'> & { seq: bigint })[] = await db().auditEvent.findMany({
      where: { ...where(filter), ...(after !== null && { seq: { gt: after } }) },
      orderBy: { seq: 'asc' },
      take: batchSize,
      select: shown,
    });
    if (rows.length === 0) return;
    yield rows.map(toRow);
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.seq;
  }
}

/** Rows read per query when verifying: a 100k-row chain is 20 queries. */
export const VERIFY_BATCH = 5_000;

async function* chainBatches(batchSize: number): AsyncGenerator<ChainRow[]> {
  let after: bigint | null = null;
  for (;;) {
    const rows: ChainRow[] = await db().auditEvent.findMany({
      ...(after !== null && { where: { seq: { gt: after } } }),
      orderBy: { seq: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.seq;
  }
}

/** Recomputes the whole chain and reports the first broken link (lib/audit/verify.ts). */
export async function verifyAuditChain(batchSize = VERIFY_BATCH): Promise<VerifyResult> {
  return verifyChain(chainBatches(batchSize), async (hash) =>
    Boolean(await db().auditEvent.findUnique({ where: { hash }, select: { seq: true } })),
  );
}
