// `npm run db:migrate`: applies pending migrations to DATABASE_URL (used by Docker/Kubernetes before the app starts).
import './drop-empty-env';
import { env, EnvError } from '@/lib/env';
import { migrate } from '@/lib/db/migrate';
import { connectDb, db } from '@/lib/db/client';
import { getModels } from '@/lib/ai/models';
import { syncEmbeddings } from '@/lib/rag/embedding-sync';

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
  connectDb(DATABASE_URL, 2);
  const synced = await syncEmbeddings(getModels().embedding, (line) => console.log(`✔ ${line}`));
  if (synced.reembedded) console.log(`✔ Embedded ${synced.reembedded} passages with the configured model`);
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
