// The migrations shipped with this build, read from prisma/migrations (kept beside the app at run time).
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export function migrationsDir(root = process.cwd()): string {
  return path.join(/* turbopackIgnore: true */ root, 'prisma', 'migrations');
}

/** Names of the migration directories, in order. */
export async function listMigrationNames(dir = migrationsDir()): Promise<string[]> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
