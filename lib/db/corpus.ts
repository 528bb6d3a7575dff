// The corpus version: a counter bumped by every change to the searchable corpus (a document becoming
// ready, replaced or deleted), so caches built on retrieval results can key on it.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';

export const CORPUS_VERSION_KEY = 'corpus_version';

type Tx = Prisma.TransactionClient;

/** The current corpus version (0 for a corpus that never changed). */
export async function getCorpusVersion(): Promise<number> {
  const row = await db().systemState.findUnique({
    where: { key: CORPUS_VERSION_KEY },
    select: { value: true },
  });
  return versionOf(row?.value);
}

/** The version held in the system_state row's value. */
export function versionOf(value: unknown): number {
  const version = (value as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' ? version : 0;
}

/**
 * The statement that moves the version on by one for each row of `rows` (a FROM item: one row, one
 * bump), returning the new version: an insert of the first version, or an update of the row. Concurrent
 * bumps serialise on the row and never lose an increment.
 */
export function corpusVersionBump(
  reason: string,
  rows: Prisma.Sql = Prisma.sql`(VALUES (1)) AS one`,
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO system_state (key, value, reason, updated_at)
    SELECT ${CORPUS_VERSION_KEY}, jsonb_build_object('version', 1), ${reason}, now() FROM ${rows}
    ON CONFLICT (key) DO UPDATE
      SET value = jsonb_build_object('version', coalesce((system_state.value->>'version')::int, 0) + 1),
          reason = EXCLUDED.reason, updated_at = now()
    RETURNING (value->>'version')::int AS version`;
}

/** Bumps the version inside the caller's transaction, so the change and its version commit together. */
export async function bumpCorpusVersion(tx: Tx, reason: string): Promise<number> {
  const rows = await tx.$queryRaw<{ version: number }[]>(corpusVersionBump(reason));
  return Number(rows[0]!.version);
}
