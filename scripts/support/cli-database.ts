// The database of a command-line tool: DATABASE_URL, else the embedded database in DATA_DIR (opened
// here, or reached through the running app's port when the app holds it), migrated before use.
import { connectDb, disconnectDb } from '@/lib/db/client';
import {
  EmbeddedDatabaseLockedError,
  embeddedDatabaseUrl,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '@/lib/db/embedded/server';
import { migrate } from '@/lib/db/migrate';
import { env } from '@/lib/env';

export type CliDatabase = { url: string; close(): Promise<void> };

export async function openCliDatabase(poolSize = 2): Promise<CliDatabase> {
  const settings = env();
  let embedded: EmbeddedDatabase | undefined;
  let url = settings.DATABASE_URL;
  if (!url) {
    try {
      embedded = await startEmbeddedDatabase({ dataDir: settings.DATA_DIR, port: settings.EMBEDDED_DB_PORT });
      url = embedded.url;
    } catch (error) {
      // The app is running and owns the embedded database: talk to it through its port instead.
      if (!(error instanceof EmbeddedDatabaseLockedError)) throw error;
      url = embeddedDatabaseUrl(settings.EMBEDDED_DB_PORT);
    }
  }
  const client = connectDb(url, poolSize);
  try {
    await migrate(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    async close() {
      await disconnectDb(client);
      await embedded?.stop();
    },
  };
}
