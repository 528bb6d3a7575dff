// Feature flags (docs/GOVERNANCE.md "Feature flags"): every flag in one read for the provider's
// cache, the changes admins make (each in a transaction with its audit event, before and after), the
// safeguard's rollback, and the outcomes of the users inside a rollout against those outside it.
import 'server-only';
import { assertRole } from '@/lib/auth/roles';
import { flags as settings } from '@/lib/config';
import type { FlagDefinition, VariantValue } from '@/lib/flags/evaluate';
import { rollbackStage } from '@/lib/flags/safeguard-rule';
import type { CreateFlagInput, FlagListsInput, UpdateFlagInput } from '@/lib/flags/schemas';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { FeatureFlag } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/http/errors';
import { recordAudit, type AuditActor } from './audit';
import { db } from './client';
import { normaliseEmail, type SessionUser } from './users';

type Tx = Prisma.TransactionClient;
const admins = ['ADMIN'] as const;

export const flagActions = [
  'flag.created',
  'flag.updated',
  'flag.enabled',
  'flag.disabled',
  'flag.stage_changed',
  'flag.lists_changed',
  'flag.rolled_back',
] as const;
export type FlagAction = (typeof flagActions)[number];

/** A flag as stored: what evaluation needs, and its stage history and pause. */
export type StoredFlag = FlagDefinition & {
  description: string;
  previousPercent: number | null;
  stageChangedAt: Date;
  pausedAt: Date | null;
  pausedReason: string | null;
  updatedAt: Date;
  createdAt: Date;
};

function variantsOf(value: unknown): Record<string, VariantValue> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, VariantValue] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    ),
  );
}

function toStored(row: FeatureFlag): StoredFlag {
  return {
    key: row.key,
    kind: row.kind,
    description: row.description,
    variants: variantsOf(row.variants),
    defaultVariant: row.defaultVariant,
    rolloutVariant: row.rolloutVariant,
    enabled: row.enabled,
    rolloutPercent: row.rolloutPercent,
    previousPercent: row.previousPercent,
    stageChangedAt: row.stageChangedAt,
    allowUserIds: row.allowUserIds,
    denyUserIds: row.denyUserIds,
    allowGroups: row.allowGroups,
    denyGroups: row.denyGroups,
    pausedAt: row.pausedAt,
    pausedReason: row.pausedReason,
    updatedAt: row.updatedAt,
    createdAt: row.createdAt,
  };
}

/** Every flag, for the provider's per-instance cache (one read of a small table). */
export async function readAllFlags(): Promise<StoredFlag[]> {
  const rows = await db().featureFlag.findMany({ orderBy: { key: 'asc' } });
  return rows.map(toStored);
}

/** Every flag, for the console. Admins only. */
export async function listFlags(viewer: SessionUser | null): Promise<StoredFlag[]> {
  assertRole(viewer, admins);
  return readAllFlags();
}

/** One flag, or null. Admins only. */
export async function getFlag(viewer: SessionUser | null, key: string): Promise<StoredFlag | null> {
  assertRole(viewer, admins);
  const row = await db().featureFlag.findUnique({ where: { key } });
  return row ? toStored(row) : null;
}

/** The group of a user (users.group), for flags that target groups; null without one. */
export async function groupOfUser(userId: string): Promise<string | null> {
  const row = await db().user.findUnique({ where: { id: userId }, select: { group: true } });
  return row?.group ?? null;
}

export type FlagUser = { id: string; email: string; group: string | null };

/** A user by email or id, for the evaluation preview. Admins only. */
export async function findFlagUser(viewer: SessionUser | null, emailOrId: string): Promise<FlagUser | null> {
  assertRole(viewer, admins);
  const query = emailOrId.trim();
  if (!query) return null;
  return db().user.findFirst({
    where: query.includes('@') ? { email: normaliseEmail(query) } : { id: query },
    select: { id: true, email: true, group: true },
  });
}

/** The emails of user ids on a flag's lists (an id whose user is gone shows as itself). Admins only. */
export async function emailsOfUsers(viewer: SessionUser | null, ids: string[]): Promise<Map<string, string>> {
  assertRole(viewer, admins);
  if (ids.length === 0) return new Map();
  const rows = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  return new Map(rows.map((row) => [row.id, row.email]));
}

/** User ids for list entries given as emails or ids; an entry that names no user is an error. */
async function resolveUsers(tx: Tx, entries: string[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const emails = entries.filter((entry) => entry.includes('@')).map(normaliseEmail);
  const ids = entries.filter((entry) => !entry.includes('@'));
  const rows = await tx.user.findMany({
    where: { OR: [{ email: { in: emails } }, { id: { in: ids } }] },
    select: { id: true, email: true },
  });
  const unknown = [
    ...emails.filter((email) => !rows.some((row) => row.email === email)),
    ...ids.filter((id) => !rows.some((row) => row.id === id)),
  ];
  if (unknown.length) throw new AppError('validation_failed', `No such user: ${unknown.join(', ')}.`);
  const byEntry = (entry: string) =>
    rows.find((row) => (entry.includes('@') ? row.email === normaliseEmail(entry) : row.id === entry))!.id;
  return [...new Set(entries.map(byEntry))];
}

const actorOf = (user: SessionUser | null): AuditActor => (user ? { id: user.id, role: user.role } : null);

/** The fields of a flag an audit event shows before and after a change. */
function auditView(flag: StoredFlag) {
  return {
    kind: flag.kind,
    description: flag.description,
    variants: flag.variants,
    defaultVariant: flag.defaultVariant,
    rolloutVariant: flag.rolloutVariant,
    enabled: flag.enabled,
    rolloutPercent: flag.rolloutPercent,
    previousPercent: flag.previousPercent,
    // How many users, never who: audit metadata names no person (erasure pseudonymises only the
    // actor and target columns), and the lists themselves stay on the flag.
    allowUsers: flag.allowUserIds.length,
    denyUsers: flag.denyUserIds.length,
    allowGroups: flag.allowGroups,
    denyGroups: flag.denyGroups,
    paused: flag.pausedAt !== null,
  };
}
type AuditView = ReturnType<typeof auditView>;

/** Only the fields that changed, before and after. */
function changes(before: AuditView, after: AuditView) {
  const keys = (Object.keys(after) as Array<keyof AuditView>).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

/**
 * Reads a flag under a row lock, applies `change` and records the audit event, all in one
 * transaction. `change` returns the update and the audit action, or null to change nothing.
 */
async function changeFlag(
  key: string,
  actor: SessionUser | null,
  change: (
    flag: StoredFlag,
    tx: Tx,
  ) => Promise<{
    data: Prisma.FeatureFlagUpdateInput;
    action: FlagAction;
    reason?: string;
    extra?: object;
  } | null>,
  requestId?: string | null,
): Promise<StoredFlag | null> {
  return db().$transaction(async (tx: Tx) => {
    const locked = await tx.$queryRaw<{ key: string }[]>`
      SELECT key FROM feature_flags WHERE key = ${key} FOR UPDATE`;
    if (locked.length === 0) throw new AppError('not_found', `There is no flag "${key}".`);
    const before = toStored((await tx.featureFlag.findUnique({ where: { key } }))!);
    const planned = await change(before, tx);
    if (!planned) return null;
    const after = toStored(
      await tx.featureFlag.update({
        where: { key },
        data: { ...planned.data, updatedById: actor?.id ?? null },
      }),
    );
    await recordAudit(
      {
        actor: actorOf(actor),
        action: planned.action,
        target: { type: 'feature_flag', id: key },
        reason: planned.reason ?? null,
        metadata: { ...changes(auditView(before), auditView(after)), ...planned.extra },
        requestId: requestId ?? null,
      },
      tx,
    );
    return after;
  });
}

/** A new flag, off and at 0 %. Admins only; a taken key is refused. */
export async function createFlag(
  actor: SessionUser | null,
  input: CreateFlagInput,
  requestId?: string | null,
): Promise<StoredFlag> {
  assertRole(actor, admins);
  return db().$transaction(async (tx: Tx) => {
    const taken = await tx.featureFlag.findUnique({ where: { key: input.key }, select: { key: true } });
    if (taken) throw new AppError('bad_request', `A flag "${input.key}" already exists.`);
    const created = toStored(
      await tx.featureFlag.create({
        data: {
          key: input.key,
          kind: input.kind,
          description: input.description,
          variants: input.variants,
          defaultVariant: input.defaultVariant,
          rolloutVariant: input.rolloutVariant,
          enabled: false,
          rolloutPercent: 0,
          updatedById: actor.id,
        },
      }),
    );
    await recordAudit(
      {
        actor: actorOf(actor),
        action: 'flag.created',
        target: { type: 'feature_flag', id: input.key },
        metadata: { before: null, after: auditView(created) },
        requestId: requestId ?? null,
      },
      tx,
    );
    return created;
  });
}

/** Description, variants and which variant is served to whom. Admins only. */
export async function updateFlag(
  actor: SessionUser | null,
  input: UpdateFlagInput,
  requestId?: string | null,
): Promise<StoredFlag | null> {
  assertRole(actor, admins);
  return changeFlag(
    input.key,
    actor,
    async (flag) => {
      // A boolean flag keeps on/off; a variant flag may rename or add variants.
      const variants = flag.kind === 'BOOLEAN' ? flag.variants : (input.variants ?? flag.variants);
      for (const name of [input.defaultVariant, input.rolloutVariant])
        if (!(name in variants))
          throw new AppError('validation_failed', `"${name}" is not one of the variants.`);
      return {
        action: 'flag.updated',
        data: {
          description: input.description,
          variants,
          defaultVariant: input.defaultVariant,
          rolloutVariant: input.rolloutVariant,
        },
      };
    },
    requestId,
  );
}

/** Turns a flag on or off (off serves everyone the default variant). Admins only. */
export async function setFlagEnabled(
  actor: SessionUser | null,
  key: string,
  enabled: boolean,
  requestId?: string | null,
): Promise<StoredFlag | null> {
  assertRole(actor, admins);
  return changeFlag(
    key,
    actor,
    async (flag) =>
      flag.enabled === enabled
        ? null
        : { action: enabled ? 'flag.enabled' : 'flag.disabled', data: { enabled } },
    requestId,
  );
}

/**
 * Moves the rollout to a stage, keeping the stage it leaves for the safeguard's rollback. A person
 * choosing a stage also ends a pause. Admins only.
 */
export async function setFlagStage(
  actor: SessionUser | null,
  key: string,
  percent: number,
  requestId?: string | null,
): Promise<StoredFlag | null> {
  assertRole(actor, admins);
  return changeFlag(
    key,
    actor,
    async (flag) =>
      flag.rolloutPercent === percent && flag.pausedAt === null
        ? null
        : {
            action: 'flag.stage_changed',
            data: {
              rolloutPercent: percent,
              previousPercent: flag.rolloutPercent === percent ? flag.previousPercent : flag.rolloutPercent,
              stageChangedAt: new Date(),
              pausedAt: null,
              pausedReason: null,
            },
          },
    requestId,
  );
}

/** The allow and deny lists; users given by email or id are stored by id. Admins only. */
export async function setFlagLists(
  actor: SessionUser | null,
  input: FlagListsInput,
  requestId?: string | null,
): Promise<StoredFlag | null> {
  assertRole(actor, admins);
  return changeFlag(
    input.key,
    actor,
    async (_flag, tx) => {
      const allowUserIds = await resolveUsers(tx, input.allowUsers);
      const denyUserIds = await resolveUsers(tx, input.denyUsers);
      const both = allowUserIds.filter((id) => denyUserIds.includes(id));
      if (both.length)
        throw new AppError('validation_failed', 'A user cannot be on both the allow and the deny list.');
      return {
        action: 'flag.lists_changed',
        data: { allowUserIds, denyUserIds, allowGroups: input.allowGroups, denyGroups: input.denyGroups },
      };
    },
    requestId,
  );
}

/**
 * The safeguard (no actor): pauses the rollout and moves it back a stage, if the flag is still at
 * the stage that was measured and not paused already (two instances checking at once roll back once).
 */
export async function rollBackFlag(
  key: string,
  measuredPercent: number,
  reason: string,
  measurement: Record<string, unknown>,
): Promise<StoredFlag | null> {
  return changeFlag(key, null, async (flag) => {
    if (flag.pausedAt !== null || flag.rolloutPercent !== measuredPercent || !flag.enabled) return null;
    const target = rollbackStage(flag);
    return {
      action: 'flag.rolled_back',
      reason,
      extra: { measurement },
      data: {
        rolloutPercent: target,
        previousPercent: flag.rolloutPercent,
        stageChangedAt: new Date(),
        pausedAt: new Date(),
        pausedReason: reason,
      },
    };
  });
}

export type CohortOutcomes = {
  /** Answers counted: failed, degraded and OK; refusals and the asker's stops are not. */
  total: number;
  failed: number;
  /** 95th percentile of latency in ms; null without answers. */
  p95LatencyMs: number | null;
  /** Answers with a thumbs up or down, and those down. */
  rated: number;
  thumbsDown: number;
};
export type FlagOutcomes = { inRollout: CohortOutcomes; outside: CohortOutcomes };

const EMPTY: CohortOutcomes = { total: 0, failed: 0, p95LatencyMs: null, rated: 0, thumbsDown: 0 };

/**
 * The answers served with this flag since `since`, split by whether they got its rollout variant
 * (query_logs.flags), one grouped read over the created_at index.
 */
export async function flagOutcomes(key: string, rolloutVariant: string, since: Date): Promise<FlagOutcomes> {
  const rows = await db().$queryRaw<
    Array<{
      in_rollout: boolean;
      total: number;
      failed: number;
      p95: number | null;
      rated: number;
      down: number;
    }>
  >`
    SELECT (q.flags ->> ${key}) = ${rolloutVariant} AS in_rollout,
           count(*)::int AS total,
           (count(*) FILTER (WHERE q.status = 'ERROR'))::int AS failed,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY q.latency_ms) AS p95,
           count(q.feedback)::int AS rated,
           (count(*) FILTER (WHERE q.feedback = -1))::int AS down
      FROM query_logs q
     WHERE q.created_at >= ${since}
       AND (q.flags ->> ${key}) IS NOT NULL
       AND q.status <> 'REJECTED'
       AND q.error_code IS DISTINCT FROM 'client_aborted'
     GROUP BY 1`;
  const cohort = (inside: boolean): CohortOutcomes => {
    const row = rows.find((r) => r.in_rollout === inside);
    if (!row) return EMPTY;
    return {
      total: row.total,
      failed: row.failed,
      p95LatencyMs: row.p95 === null ? null : Math.round(Number(row.p95)),
      rated: row.rated,
      thumbsDown: row.down,
    };
  };
  return { inRollout: cohort(true), outside: cohort(false) };
}

/** The outcomes of the last `flags.metricsWindowHours`, for the console. Admins only. */
export async function flagOutcomesFor(
  viewer: SessionUser | null,
  flag: Pick<StoredFlag, 'key' | 'rolloutVariant'>,
): Promise<FlagOutcomes> {
  assertRole(viewer, admins);
  const since = new Date(Date.now() - settings.metricsWindowHours * 3_600_000);
  return flagOutcomes(flag.key, flag.rolloutVariant, since);
}

export type FlagEvent = {
  seq: string;
  at: Date;
  action: FlagAction;
  reason: string | null;
  by: string | null;
  metadata: Record<string, unknown>;
};

/** A flag's changes, newest first, from the audit trail. Admins only. */
export async function listFlagHistory(
  viewer: SessionUser | null,
  key: string,
  limit = 20,
): Promise<FlagEvent[]> {
  assertRole(viewer, admins);
  const rows = await db().auditEvent.findMany({
    where: { targetType: 'feature_flag', targetId: key },
    orderBy: { seq: 'desc' },
    take: limit,
    select: { seq: true, at: true, action: true, reason: true, actorId: true, metadata: true },
  });
  const emails = await emailsOfUsers(viewer, [...new Set(rows.flatMap((row) => row.actorId ?? []))]);
  return rows.map((row) => ({
    seq: row.seq.toString(),
    at: row.at,
    action: row.action as FlagAction,
    reason: row.reason,
    by: row.actorId ? (emails.get(row.actorId) ?? row.actorId) : null,
    metadata: (row.metadata ?? {}) as Record<string, unknown>,
  }));
}
