// The audit trail's one writer: every change an admin or compliance officer makes (and every refusal
// worth keeping) is appended here, hash-chained to the row before it (lib/audit/hash.ts).
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { auditHash, GENESIS_HASH } from '@/lib/audit/hash';
import { redactPiiDeep, redactPiiText } from '@/lib/security/pii';
import { db } from './client';

type Tx = Prisma.TransactionClient;

export type AuditActor = { id: string; role: Role } | null;

export type AuditInput = {
  /** Who acted; null for the system (a job, the error-rate trip). */
  actor: AuditActor;
  /** What happened, as `<subject>.<verb>`: user.role_changed, user.disabled, invite.created… */
  action: string;
  target?: { type: string; id: string };
  /** The reason the actor gave, if any. */
  reason?: string | null;
  /** The facts of the change (before and after values, counts); PII in any string is redacted. */
  metadata?: Record<string, unknown>;
  requestId?: string | null;
};

/** Appends under one transaction-scoped advisory lock, so concurrent writers queue for the chain head. */
const CHAIN_LOCK = 0x61756474; // "audt"

async function append(tx: Tx, input: AuditInput): Promise<{ seq: bigint; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}::bigint)`;
  const [head] = await tx.$queryRaw<{ hash: string }[]>`
    SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1`;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const content = {
    at: new Date(),
    actorId: input.actor?.id ?? null,
    actorRole: input.actor?.role ?? null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    reason: input.reason ? redactPiiText(input.reason) : null,
    metadata: (redactPiiDeep(input.metadata ?? {}) ?? {}) as Prisma.InputJsonObject,
    requestId: input.requestId ?? null,
  };
  const hash = auditHash(prevHash, content);
  const row = await tx.auditEvent.create({
    data: { ...content, actorRole: input.actor?.role ?? null, prevHash, hash },
    select: { seq: true, hash: true },
  });
  return row;
}

/**
 * Records one audit event. Pass the transaction of the change itself so the two commit or fail
 * together; without one, the event gets a transaction of its own.
 */
export async function recordAudit(input: AuditInput, tx?: Tx): Promise<{ seq: bigint; hash: string }> {
  if (tx) return append(tx, input);
  return db().$transaction((inner) => append(inner, input));
}
