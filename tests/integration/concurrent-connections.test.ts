// [DB] Many connections at once, each running parameterised queries of different shapes: every
// answer is its own. (On the embedded database this guards lib/db/embedded/serial-queue.ts: without
// it, two connections' extended-protocol exchanges interleave in the one PGlite session.)
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createDb, disconnectDb, poolOf } from '../../lib/db/client';

describe(`[DB] concurrent connections on ${inject('database')}`, () => {
  it('keeps each connection’s queries, transactions and errors apart', async () => {
    const clients = Array.from(
      { length: 6 },
      () => new pg.Client({ connectionString: inject('databaseUrl') }),
    );
    await Promise.all(clients.map((client) => client.connect()));
    try {
      const work = clients.map(async (client, c) => {
        const results: string[] = [];
        for (let round = 0; round < 25; round++) {
          if (c % 3 === 0) {
            const { rows } = await client.query('SELECT $1::int + $2::int AS v', [c, round]);
            results.push(String(rows[0].v));
          } else if (c % 3 === 1) {
            const { rows } = await client.query(
              'SELECT $1::text || $2::text || $3::text || $4::text || $5::text AS v',
              ['c', c, '-', 'r', round],
            );
            results.push(rows[0].v as string);
          } else {
            // A transaction with a failing statement in the middle: only this connection sees the error.
            await client.query('BEGIN');
            await expect(client.query('SELECT 1 / $1::int', [0])).rejects.toThrow(/division by zero/);
            await client.query('ROLLBACK');
            const { rows } = await client.query('SELECT $1::int * 2 AS v', [round]);
            results.push(String(rows[0].v));
          }
        }
        return results;
      });
      const all = await Promise.all(work);
      all.forEach((results, c) => {
        const expected = Array.from({ length: 25 }, (_, round) =>
          c % 3 === 0 ? String(c + round) : c % 3 === 1 ? `c${c}-r${round}` : String(round * 2),
        );
        expect(results).toEqual(expected);
      });
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });
});

describe(`[DB] the pool's connections on ${inject('database')}`, () => {
  it('is logged and replaced, not fatal to the process', async () => {
    const client = createDb(inject('databaseUrl'), 2);
    const { pool } = poolOf(client);
    try {
      const idle = await pool.connect();
      await idle.query('SELECT 1');
      idle.release();
      const dropped = new Promise<void>((resolve) => idle.once('end', () => resolve()));
      // The idle connection's socket closes under it, as in a server restart or a network cut.
      (idle as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      await dropped;
      // The pool reports the drop as an 'error' event, which ends the process (and fails this run)
      // unless the pool listens for it. The connection is gone from the pool; a new one serves.
      expect(pool.totalCount).toBe(0);
      expect(await client.$queryRaw<Array<{ ok: number }>>`SELECT 1 AS ok`).toEqual([{ ok: 1 }]);
    } finally {
      await client.$disconnect();
    }
  });

  it('ends the pool on disconnect, also when only statements on the pool itself ran', async () => {
    const client = createDb(inject('databaseUrl'), 2);
    const { pool } = poolOf(client);
    await pool.query('SELECT 1');
    expect(pool.totalCount).toBe(1);
    await disconnectDb(client);
    expect(pool.ended).toBe(true);
    expect(pool.totalCount).toBe(0);
  });
});
