// Readiness of the database: reachable, and every shipped migration applied.
import 'server-only';
import { db } from './client';

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

export async function checkDatabase(expectedMigrations: string[]): Promise<DatabaseHealth> {
  let applied: { migration_name: string }[];
  try {
    applied = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/_prisma_migrations.*does not exist/i.test(message))
      return { ok: false, reason: 'migrations have not been applied' };
    return { ok: false, reason: 'database unreachable' };
  }
  const done = new Set(applied.map((row) => row.migration_name));
  const pending = expectedMigrations.filter((name) => !done.has(name));
  return pending.length === 0
    ? { ok: true }
    : { ok: false, reason: `pending migrations: ${pending.join(', ')}` };
}
