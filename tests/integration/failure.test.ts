// [FAIL] A database that is down gives a clear 503-class error and readiness says why; nothing crashes.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDb, db } from '../../lib/db/client';
import { checkReadiness } from '../../lib/db/readiness';
import { toAppError } from '../../lib/http/errors';
import { ask } from '../../lib/rag/ask';
import { freePort } from '../support/free-port';

describe(`[FAIL] database down (${inject('database')} suite)`, () => {
  afterAll(async () => {
    await db().$disconnect();
    connectDb(inject('databaseUrl'), 4);
  });

  it('reports not ready with the reason, then ready again when the database is back', async () => {
    await db().$disconnect();
    connectDb(`postgresql://postgres@127.0.0.1:${await freePort()}/postgres`, 1);
    expect(await checkReadiness()).toEqual({ ok: false, reason: 'database unreachable' });

    await db().$disconnect();
    connectDb(inject('databaseUrl'), 4);
    expect(await checkReadiness()).toEqual({ ok: true });
  });

  it('maps a failed answer on an unreachable database to service_unavailable (503)', async () => {
    await db().$disconnect();
    connectDb(`postgresql://postgres@127.0.0.1:${await freePort()}/postgres`, 1);
    const error = await ask({
      question: 'anything',
      requestId: 'req-down-1',
      user: { id: 'nobody' },
      route: 'chat',
    }).catch((e: unknown) => e);
    const mapped = toAppError(error);
    expect(mapped.status).toBe(503);
    expect(mapped.code).toBe('service_unavailable');
    expect(mapped.message).not.toMatch(/ECONNREFUSED|at /);
  });
});
