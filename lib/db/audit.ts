// The audit trail's one writer: every change an admin or compliance officer makes (and every refusal
// worth keeping) is appended here, hash-chained to the row before it (lib/audit/hash.ts). The table is
// append-only in the database; pseudonymiseAuditSubject is the one narrow exception, for erasure.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { commitPersonal, GENESIS_HASH, PSEUDONYM_PREFIX, sealedHash } from '@/lib/audit/hash';
import { requestIp } from '@/lib/audit/request-ip';
import { redactPiiDeep, redactPiiText } from '@/lib/security/pii';
import { db } from './client';
import { groupCommit } from './group-commit';

type Tx = Prisma.TransactionClient;

export type AuditActor = { id: string; role: Role } | null;

export type AuditInput = {
  /**
   * Who acted; null for the system (a job, the error-rate trip). The role is null when the actor
   * was not acting through one (a user or an API key asking a question).
   */
  actor: AuditActor | { id: string; role: null };
  /** What happened, as `<subject>.<verb>`: user.role_changed, user.disabled, invite.created… */
  action: string;
  target?: { type: string; id: string };
  /** The reason the actor gave, if any. */
  reason?: string | null;
  /** The facts of the change (before and after values, counts); PII in any string is redacted. */
  metadata?: Record<string, unknown>;
  requestId?: string | null;
  /** The client IP; taken from the current request's headers when left out. */
  ip?: string | null;
};

/** Appends under one transaction-scoped advisory lock, so concurrent writers queue for the chain head. */
const CHAIN_LOCK = 0x61756474; // "audt"

/** One event's row, chained to `prevHash`; `at` is when it was recorded. */
function chainedRow(input: AuditInput, ip: string | null, at: Date, prevHash: string) {
  const personal = {
    actorId: input.actor?.id ?? null,
    targetId: input.target?.id ?? null,
    ip,
  };
  const { commitments, salts } = commitPersonal(personal);
  const content = {
    at,
    actorRole: input.actor?.role ?? null,
    action: input.action,
    targetType: input.target?.type ?? null,
    reason: input.reason ? redactPiiText(input.reason) : null,
    metadata: (redactPiiDeep(input.metadata ?? {}) ?? {}) as Prisma.InputJsonObject,
    requestId: input.requestId ?? null,
    commitments,
  };
  return { ...content, ...personal, salts, prevHash, hash: sealedHash(prevHash, content) };
}

async function chainHead(tx: Tx): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}::bigint)`;
  const [head] = await tx.$queryRaw<{ hash: string }[]>`
    SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1`;
  return head?.hash ?? GENESIS_HASH;
}

async function append(
  tx: Tx,
  input: AuditInput,
  ip: string | null,
  at = new Date(),
): Promise<{ seq: bigint; hash: string }> {
  const row = chainedRow(input, ip, at, await chainHead(tx));
  return tx.auditEvent.create({ data: row, select: { seq: true, hash: true } });
}

// Events recorded outside a transaction of their own change (an answer, a refusal) are appended in
// batches (group-commit.ts): one lock, one read of the head and one INSERT for all the events recorded
// while the batch before held the lock.
type Queued = { input: AuditInput; ip: string | null; at: Date };

const COLUMNS = Prisma.raw(
  'at, actor_id, actor_role, action, target_type, target_id, reason, metadata, request_id, prev_hash, hash, ip, commitments, salts',
);

/** A chained row under its column names; `at` as UTC without a time zone, as Prisma writes it. */
function toColumns(row: ReturnType<typeof chainedRow>): Record<string, unknown> {
  return {
    at: row.at.toISOString(),
    actor_id: row.actorId,
    actor_role: row.actorRole,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    reason: row.reason,
    metadata: row.metadata,
    request_id: row.requestId,
    prev_hash: row.prevHash,
    hash: row.hash,
    ip: row.ip,
    commitments: row.commitments,
    salts: row.salts,
  };
}

const appendQueued = groupCommit<Queued, { seq: bigint; hash: string }>({
  max: 100,
  writeOne: (event) => db().$transaction((tx) => append(tx, event.input, event.ip, event.at)),
  writeBatch: (events) =>
    db().$transaction(async (tx) => {
      let prevHash = await chainHead(tx);
      const rows = events.map((event) => {
        const row = chainedRow(event.input, event.ip, event.at, prevHash);
        prevHash = row.hash;
        return row;
      });
      // One statement text for any number of rows (prepared once), as query-logs.ts writes its rows.
      const written = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
        INSERT INTO audit_events (${COLUMNS})
        SELECT ${COLUMNS} FROM jsonb_populate_recordset(NULL::audit_events, ${JSON.stringify(rows.map(toColumns))}::jsonb)
        RETURNING seq, hash`;
      written.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
      // The chain links rows in seq order: the rows must have taken their seqs in the order they chain.
      if (written.some((row, i) => row.hash !== rows[i]!.hash))
        throw new Error('audit rows were not numbered in chain order');
      return written;
    }),
});

/**
 * Records one audit event. Pass the transaction of the change itself so the two commit or fail
 * together; without one, the event is appended with the others recorded at the same time, in a
 * transaction of their own, and this resolves once it is committed.
 */
export async function recordAudit(input: AuditInput, tx?: Tx): Promise<{ seq: bigint; hash: string }> {
  const ip = input.ip === undefined ? await requestIp() : input.ip;
  if (tx) return append(tx, input, ip);
  return appendQueued({ input, ip, at: new Date() });
}

/**
 * Erasure's pseudonymisation (GDPR art. 17): every row naming `subjectId` as actor or target gets
 * `pseudonym` instead, loses that field's salt (so the commitment left in the hash can no longer be
 * linked to the person) and, where the person was the actor, the IP. The database allows this one
 * UPDATE only inside a transaction that sets rag.audit_pseudonymise, and only on these fields; the
 * chain still verifies. Run it in the erasure's transaction, which also records the erasure itself.
 */
export async function pseudonymiseAuditSubject(
  tx: Tx,
  subjectId: string,
  pseudonym: string,
): Promise<{ rows: number }> {
  if (!pseudonym.startsWith(PSEUDONYM_PREFIX)) throw new Error(`a pseudonym starts with ${PSEUDONYM_PREFIX}`);
  await tx.$executeRaw`SELECT set_config('rag.audit_pseudonymise', 'on', true)`;
  const asActor = await tx.$executeRaw`
    UPDATE audit_events
    SET actor_id = ${pseudonym}, ip = NULL, salts = salts - 'actorId' - 'ip'
    WHERE actor_id = ${subjectId} AND commitments IS NOT NULL`;
  const asTarget = await tx.$executeRaw`
    UPDATE audit_events
    SET target_id = ${pseudonym}, salts = salts - 'targetId'
    WHERE target_id = ${subjectId} AND commitments IS NOT NULL`;
  await tx.$executeRaw`SELECT set_config('rag.audit_pseudonymise', 'off', true)`;
  return { rows: asActor + asTarget };
}
