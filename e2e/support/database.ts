// The e2e server's embedded database, reached like any Postgres (playwright.config.ts serves it on
// E2E_PORT + 51000), for specs that need rows no browser flow can make quickly, such as a month of
// questions from several user groups.
import pg from 'pg';

export const e2eDatabaseUrl = () =>
  `postgresql://postgres:postgres@127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 51_000}/postgres?sslmode=disable`;

/** Runs `work` with a client of the e2e database, closed afterwards. */
export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
