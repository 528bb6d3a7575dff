// Loopback helpers for benchmarks: a free port, and a throwaway database on a local Postgres server.
import pg from 'pg';

export { freePort } from '../../tests/support/free-port';

/** Benchmarks touch only this machine: anything else is refused before a connection is made. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`Benchmarks only target 127.0.0.1; refusing ${host}.`);
  }
}

export type ThrowawayDatabase = { url: string; name: string; drop(): Promise<void> };

/**
 * Creates `rag_bench_<ts>` on the server of `serverUrl`; `drop()` removes it again. Returns the
 * reason instead when the server cannot be reached, so the caller can say so and carry on.
 */
export async function createThrowawayDatabase(
  serverUrl: string,
): Promise<ThrowawayDatabase | { unreachable: string }> {
  assertLoopback(serverUrl);
  const name = `rag_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return { unreachable: error instanceof Error ? error.message : String(error) };
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
