// Applies prisma/migrations to a database through Prisma's Wasm schema engine (no native engine).
// The history goes to `_prisma_migrations`, the same table `prisma migrate deploy` reads.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { listMigrationNames, migrationsDir } from './migration-names';
import { pgvectorVersionProblem } from './pgvector-version';
import { openSchemaEngine } from './schema-engine';

export { listMigrationNames, migrationsDir };

export const PGVECTOR_INSTALL_HINT =
  'pgvector is not installed on this Postgres server. Install it (Debian/Ubuntu: `apt-get install postgresql-<version>-pgvector`, ' +
  "or build it from source: https://github.com/pgvector/pgvector#installation; on this project's CI machines: " +
  '`bash scripts/ci/install-pgvector.sh`), or use a server image that includes it such as `pgvector/pgvector:pg17`.';

export class PgvectorMissingError extends Error {
  constructor() {
    super(PGVECTOR_INSTALL_HINT);
    this.name = 'PgvectorMissingError';
  }
}

export class PgvectorTooOldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PgvectorTooOldError';
  }
}

/**
 * Throws PgvectorMissingError when the server cannot provide the vector extension, and
 * PgvectorTooOldError when the version it has, or the one installed in this database, is older than
 * the app needs (lib/db/pgvector-version.ts).
 */
export async function assertPgvectorAvailable(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ available: string; installed: string | null }>(
      `SELECT a.default_version AS available, e.extversion AS installed
       FROM pg_available_extensions a LEFT JOIN pg_extension e ON e.extname = a.name
       WHERE a.name = 'vector'`,
    );
    if (!rows[0]) throw new PgvectorMissingError();
    const problem = pgvectorVersionProblem(rows[0].available, rows[0].installed);
    if (problem) throw new PgvectorTooOldError(problem);
  } finally {
    await client.end();
  }
}

/** Applies every pending migration; returns the names applied now (empty when up to date). */
export async function migrate(connectionString: string, root = process.cwd()): Promise<string[]> {
  await assertPgvectorAvailable(connectionString);
  const dir = migrationsDir(root);
  const schemaPath = path.join(root, 'prisma', 'schema.prisma');
  const names = await listMigrationNames(dir);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockPath = path.join(dir, 'migration_lock.toml');
  const engine = await openSchemaEngine(connectionString, {
    path: schemaPath,
    content: await readFile(schemaPath, 'utf8'),
  });
  try {
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: dir,
        lockfile: {
          path: 'migration_lock.toml',
          content: await readFile(lockPath, 'utf8').catch(() => null),
        },
        shadowDbInitScript: '',
        migrationDirectories,
      },
      filters: { externalTables: [], externalEnums: [] },
    } as never);
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
