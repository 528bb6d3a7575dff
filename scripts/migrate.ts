// `npm run db:migrate`: applies pending migrations to DATABASE_URL (used by Docker/Kubernetes before the app starts).
import './drop-empty-env';
import { env, EnvError } from '@/lib/env';
import { migrate } from '@/lib/db/migrate';

async function main() {
  const { DATABASE_URL } = env();
  if (!DATABASE_URL)
    throw new Error(
      'DATABASE_URL is not set: `db:migrate` migrates a Postgres server. (`npm run dev` migrates the embedded database by itself.)',
    );
  const applied = await migrate(DATABASE_URL);
  console.log(
    applied.length ? `✔ Applied migrations: ${applied.join(', ')}` : '✔ Database schema is up to date',
  );
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
