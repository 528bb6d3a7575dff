// Every lexeme's document frequency for one corpus version, counted over the whole corpus at once by
// the job sweep (lib/rag/lexeme-frequency-job.ts) after the corpus changes. The text search reads a
// question's frequencies from here in the statement that analyses the question (corpusVersionAndLexemes)
// while the counted version is the current one, and counts them through the GIN index otherwise.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { CORPUS_VERSION_KEY } from './corpus';
import { db } from './client';

/** The system_state row holding the corpus version the table was counted for. */
export const LEXEME_FREQUENCIES_KEY = 'lexeme_frequencies';

const REFRESH_LOCK = 0x6c657865; // "lexe"

export type LexemeFrequencyRefresh = { version: number; lexemes: number; seconds: number };

/**
 * A count waits at least this many times as long as the last one took: a corpus large enough for a
 * count to take 10 s is counted at most every 5 minutes, so counting never takes more than a small
 * share of a server core however often the corpus changes.
 */
const COUNT_TIME_SHARE = 30;

/**
 * Counts, in one statement (one snapshot: the version and the passages agree), how many passages of
 * READY documents hold each lexeme, for the current corpus version; then drops other versions' rows
 * and records the version counted, all in one commit, so a reader sees the old counts or the new.
 * Nothing happens when the current version is counted already, when the last count is younger than
 * `minIntervalSeconds` or than 30 times its own duration (a corpus changing all the time is counted
 * at that pace, and searches count their own lexemes meanwhile), or while another instance is
 * counting. Returns what was counted, or null.
 */
export async function refreshLexemeFrequencies(options: {
  minIntervalSeconds: number;
}): Promise<LexemeFrequencyRefresh | null> {
  return db().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}::bigint) AS locked`;
      if (!lock?.locked) return null;
      const started = performance.now();
      const [row] = await tx.$queryRaw<{ version: number | null; lexemes: bigint | number }[]>`
        WITH current_version AS (
          SELECT coalesce((SELECT (value->>'version')::int FROM system_state WHERE key = ${CORPUS_VERSION_KEY}), 0)
                 AS version
        ), due AS (
          SELECT v.version FROM current_version v
          WHERE NOT EXISTS (
            SELECT 1 FROM system_state s
            WHERE s.key = ${LEXEME_FREQUENCIES_KEY}
              AND ((s.value->>'version')::int = v.version
                   OR s.updated_at > now() - make_interval(secs => greatest(
                        ${options.minIntervalSeconds}::float8,
                        ${COUNT_TIME_SHARE}::float8 * coalesce((s.value->>'seconds')::float8, 0)))))
        ), fresh AS (
          INSERT INTO lexeme_frequencies (version, lexeme, df)
          SELECT due.version, l.lexeme, count(*)::int
          FROM due, chunks c
          JOIN documents d ON d.id = c.document_id AND d.status = 'READY',
          unnest(tsvector_to_array(c.tsv)) AS l(lexeme)
          GROUP BY 1, 2
          ON CONFLICT DO NOTHING
          RETURNING 1
        ), stale AS (
          DELETE FROM lexeme_frequencies f USING due WHERE f.version <> due.version
        ), counted AS (
          INSERT INTO system_state (key, value, reason, updated_at)
          SELECT ${LEXEME_FREQUENCIES_KEY}, jsonb_build_object('version', due.version),
                 'lexeme frequencies counted', now()
          FROM due
          ON CONFLICT (key) DO UPDATE
            SET value = EXCLUDED.value, reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at
        )
        SELECT (SELECT version FROM due) AS version, (SELECT count(*) FROM fresh) AS lexemes`;
      if (row?.version === null || row?.version === undefined) return null;
      const seconds = (performance.now() - started) / 1000;
      await tx.$executeRaw`
        UPDATE system_state SET value = value || jsonb_build_object('seconds', ${seconds}::float8)
        WHERE key = ${LEXEME_FREQUENCIES_KEY}`;
      return { version: Number(row.version), lexemes: Number(row.lexemes), seconds };
    },
    // Counting 100,000 passages takes about a second on a server; the default 5 s leaves little room.
    { timeout: 120_000 },
  );
}

/**
 * Drops every count and the record of the last one, in the caller's transaction: the counts hold the
 * words of every READY passage, so erasing a person's documents must not leave their words here
 * until the next count. Searches count their own lexemes until the sweep counts again (at once: no
 * last count to wait on).
 */
export async function forgetLexemeFrequencies(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`DELETE FROM lexeme_frequencies`;
  await tx.$executeRaw`DELETE FROM system_state WHERE key = ${LEXEME_FREQUENCIES_KEY}`;
}
