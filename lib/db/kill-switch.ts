// The kill switch's row (`system_state.kill_switch`), its changes with their audit events, the answer
// outcomes of the sliding window (query_logs of every instance) and the switch's history (audit_events).
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/http/errors';
import { recordAudit, type AuditActor } from './audit';
import { db } from './client';
import type { SessionUser } from './users';

const KEY = 'kill_switch';
/** Serialises changes of the switch across instances (two trips at once audit one). */
const SWITCH_LOCK = 0x6b696c6c; // "kill"

export const killSwitchActions = [
  'kill_switch.engaged',
  'kill_switch.tripped',
  'kill_switch.released',
] as const;
export type KillSwitchAction = (typeof killSwitchActions)[number];

export type KillSwitchPerson = { id: string; email: string; name: string | null };

export type KillSwitchState = {
  engaged: boolean;
  /** True when the error-rate trip engaged it (nobody did). */
  automatic: boolean;
  reason: string | null;
  /** Who made the last change; null for the automatic trip or a switch never touched. */
  by: KillSwitchPerson | null;
  /** When the last change was made; null for a switch never touched. */
  at: Date | null;
};

export const NEVER_CHANGED: KillSwitchState = {
  engaged: false,
  automatic: false,
  reason: null,
  by: null,
  at: null,
};

type StoredValue = { engaged?: unknown; automatic?: unknown };

async function personOf(id: string | null): Promise<KillSwitchPerson | null> {
  if (!id) return null;
  return db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

/** The switch as stored (one primary-key read, plus the person who changed it last). */
export async function readKillSwitch(): Promise<KillSwitchState> {
  const row = await db().systemState.findUnique({ where: { key: KEY } });
  if (!row) return NEVER_CHANGED;
  const value = (row.value ?? {}) as StoredValue;
  return {
    engaged: value.engaged === true,
    automatic: value.automatic === true,
    reason: row.reason,
    by: await personOf(row.updatedById),
    at: row.updatedAt,
  };
}

export type KillSwitchChange = {
  engage: boolean;
  reason: string;
  /** The person; null only for the automatic trip. */
  actor: SessionUser | null;
  /** Facts kept on the audit event (the measured error rate and counts of a trip). */
  metadata?: Record<string, unknown>;
  requestId?: string | null;
};

/**
 * Engages or releases the switch and records the audit event in the same transaction. Returns false
 * (and writes nothing) when the switch is already in the asked state, so concurrent trips audit once.
 */
async function applyChange(change: KillSwitchChange): Promise<boolean> {
  return db().$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SWITCH_LOCK}::bigint)`;
    const current = await tx.systemState.findUnique({ where: { key: KEY }, select: { value: true } });
    const engaged = ((current?.value ?? {}) as StoredValue).engaged === true;
    if (engaged === change.engage) return false;
    const value = { engaged: change.engage, automatic: change.engage && change.actor === null };
    const fields = { value, reason: change.reason, updatedById: change.actor?.id ?? null };
    await tx.systemState.upsert({
      where: { key: KEY },
      create: { key: KEY, ...fields },
      update: fields,
    });
    const actor: AuditActor = change.actor ? { id: change.actor.id, role: change.actor.role } : null;
    const action: KillSwitchAction = !change.engage
      ? 'kill_switch.released'
      : actor
        ? 'kill_switch.engaged'
        : 'kill_switch.tripped';
    await recordAudit(
      {
        actor,
        action,
        target: { type: 'system_state', id: KEY },
        reason: change.reason,
        metadata: change.metadata,
        requestId: change.requestId ?? null,
      },
      tx,
    );
    return true;
  });
}

/** A person pauses answers. Admins only (checked here as well as by the action). */
export async function engageKillSwitch(
  actor: SessionUser | null,
  reason: string,
  requestId?: string | null,
): Promise<void> {
  assertRole(actor, ['ADMIN']);
  const changed = await applyChange({ engage: true, reason, actor, requestId });
  if (!changed) throw new AppError('bad_request', 'Answers are already paused.');
}

/** A person turns answers back on; nothing else ever does. Admins only. */
export async function releaseKillSwitch(
  actor: SessionUser | null,
  reason: string,
  requestId?: string | null,
): Promise<void> {
  assertRole(actor, ['ADMIN']);
  const changed = await applyChange({ engage: false, reason, actor, requestId });
  if (!changed) throw new AppError('bad_request', 'Answers are not paused.');
}

/** The error-rate trip: engaged by nobody, with the measurement. False when it was already engaged. */
export function tripKillSwitch(reason: string, metadata: Record<string, unknown>): Promise<boolean> {
  return applyChange({ engage: true, reason, actor: null, metadata });
}

export type OutcomeCounts = {
  /** Answers that failed on our side (status ERROR, except those the asker stopped). */
  failed: number;
  /** Answers given from the last-resort extractive answerer (counted as answered). */
  degraded: number;
  /** Every answer that counts: failed, degraded and OK; refusals (REJECTED) and stops do not. */
  total: number;
};

/**
 * Answer outcomes recorded by every instance since `since`, one grouped read over the
 * `query_logs(created_at)` index.
 */
export async function countAnswerOutcomes(since: Date): Promise<OutcomeCounts> {
  const groups = await db().queryLog.groupBy({
    by: ['status', 'errorCode'],
    where: { createdAt: { gte: since }, status: { not: 'REJECTED' } },
    _count: { _all: true },
  });
  const counts: OutcomeCounts = { failed: 0, degraded: 0, total: 0 };
  for (const group of groups) {
    if (group.status === 'ERROR' && group.errorCode === 'client_aborted') continue;
    const n = group._count._all;
    counts.total += n;
    if (group.status === 'ERROR') counts.failed += n;
    if (group.status === 'DEGRADED') counts.degraded += n;
  }
  return counts;
}

export type KillSwitchEvent = {
  seq: string;
  at: Date;
  action: KillSwitchAction;
  reason: string | null;
  by: KillSwitchPerson | null;
  metadata: Record<string, unknown>;
};

/** The switch's changes, newest first, from the audit trail. Admins only. */
export async function listKillSwitchHistory(
  viewer: SessionUser | null,
  limit = 20,
): Promise<KillSwitchEvent[]> {
  assertRole(viewer, ['ADMIN']);
  const rows = await db().auditEvent.findMany({
    where: { action: { in: [...killSwitchActions] } },
    orderBy: { seq: 'desc' },
    take: limit,
    select: { seq: true, at: true, action: true, reason: true, actorId: true, metadata: true },
  });
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const people = await db().user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, email: true, name: true },
  });
  const byId = new Map(people.map((person) => [person.id, person]));
  return rows.map((row) => ({
    seq: row.seq.toString(),
    at: row.at,
    action: row.action as KillSwitchAction,
    reason: row.reason,
    by: row.actorId
      ? (byId.get(row.actorId) ?? { id: row.actorId, email: '(deleted user)', name: null })
      : null,
    metadata: (row.metadata ?? {}) as Record<string, unknown>,
  }));
}
