// [KILL SWITCH] On the real database: an admin pauses answers with a reason and ask() refuses with
// 503 service_paused (audited with who and why); release; the error-rate trip engages it from the
// query log (audited with the measurement, never released by itself); and two app instances
// (separate processes) each see a change made through the other within 2 seconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { killSwitch as settings } from '../../lib/config';
import { db } from '../../lib/db/client';
import { listKillSwitchHistory, readKillSwitch } from '../../lib/db/kill-switch';
import { upsertUser } from '../../lib/db/users';
import {
  assertServiceAvailable,
  checkErrorRate,
  noteAnswerOutcome,
  pauseAnswers,
  resumeAnswers,
} from '../../lib/governance/kill-switch';
import { createApiKey } from '../../lib/db/api-keys';
import { AppError } from '../../lib/http/errors';
import { route } from '../../lib/http/handler';
import { useRateLimitStore } from '../../lib/rate-limit/limiter';
import { createMemoryStore } from '../../lib/rate-limit/memory-store';
import { renderMetrics } from '../../lib/observability/metrics';
import { ask, completeAnswer } from '../../lib/rag/ask';
import { rejectionOf } from '../support/rejection';

type Status = 'OK' | 'ERROR' | 'REJECTED' | 'DEGRADED';

const errorOf = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

async function seedLogs(rows: Array<{ status: Status; errorCode?: string; n: number; ageSeconds?: number }>) {
  await db().queryLog.createMany({
    data: rows.flatMap(({ status, errorCode, n, ageSeconds = 10 }) =>
      Array.from({ length: n }, (_, i) => ({
        requestId: `ks-${status}-${i}`,
        route: 'api',
        question: 'seeded',
        status,
        errorCode: errorCode ?? null,
        createdAt: new Date(Date.now() - ageSeconds * 1000),
      })),
    ),
  });
}

/** Audit events of the switch written since the test began (the chain keeps every earlier one). */
let sinceSeq = 0n;
const switchEvents = () =>
  db().auditEvent.findMany({
    where: { action: { startsWith: 'kill_switch.' }, seq: { gt: sinceSeq } },
    orderBy: { seq: 'asc' },
  });

/** Back to a switch never touched and an empty query log, so other files are not paused. */
async function reset() {
  await db().systemState.deleteMany({ where: { key: 'kill_switch' } });
  await db().queryLog.deleteMany();
}

describe(`[KILL SWITCH] on ${inject('database')}`, () => {
  let admin: Awaited<ReturnType<typeof upsertUser>>;
  let user: Awaited<ReturnType<typeof upsertUser>>;

  beforeAll(async () => {
    admin = await upsertUser({ email: 'ks-admin@example.test', role: 'ADMIN', passwordHash: 'x' });
    user = await upsertUser({ email: 'ks-user@example.test', role: 'USER', passwordHash: 'x' });
    await reset();
  });
  beforeEach(async () => {
    const head = await db().auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
    sinceSeq = head?.seq ?? 0n;
  });
  afterEach(async () => {
    await reset();
    // This process's cached read would otherwise keep the last state for up to a poll interval.
    await new Promise((resolve) => setTimeout(resolve, settings.pollIntervalMs));
  });
  afterAll(reset);

  it('[ADMIN]: a paused service refuses every question with 503 service_paused and the reason; audited', async () => {
    await pauseAnswers(admin, 'Model provider is returning wrong answers', 'req-ks-1');

    const refused = await errorOf(
      ask({ question: 'How do I reset my password?', requestId: 'req-ks-2', user, route: 'chat' }),
    );
    expect(refused.code).toBe('service_paused');
    expect(refused.status).toBe(503);
    expect(refused.message).toBe(
      'Answers are paused by an administrator: Model provider is returning wrong answers.',
    );
    expect(refused.details).toEqual({ retryAfterSeconds: settings.retryAfterSeconds });
    // Prometheus sees it too (the alert RagKillSwitchEngaged fires on it).
    expect((await renderMetrics()).body).toMatch(/^rag_kill_switch_engaged 1$/m);
    // Refused before any work: no query log row, so a pause never feeds the error rate.
    expect(await db().queryLog.count({ where: { requestId: 'req-ks-2' } })).toBe(0);

    expect(await readKillSwitch()).toMatchObject({
      engaged: true,
      automatic: false,
      reason: 'Model provider is returning wrong answers',
      by: { id: admin.id, email: 'ks-admin@example.test' },
    });
    const [event] = await switchEvents();
    expect(event).toMatchObject({
      action: 'kill_switch.engaged',
      actorId: admin.id,
      actorRole: 'ADMIN',
      reason: 'Model provider is returning wrong answers',
      requestId: 'req-ks-1',
    });
  });

  it('[ADMIN]: the answer doors refuse a paused question before the rate limit counts it', async () => {
    useRateLimitStore(createMemoryStore());
    const { key } = await createApiKey({ user, name: 'ks door', scopes: ['query'] });
    const door = route(
      { roles: ['USER'], rateLimit: 'question', apiKeyScope: 'query' },
      async () => new Response('answered'),
    );
    const call = () =>
      door(new Request('http://localhost/api/v1/query', { headers: { authorization: `Bearer ${key}` } }), {
        params: Promise.resolve({}),
      });
    const remaining = Number((await call()).headers.get('ratelimit-remaining'));
    await pauseAnswers(admin, 'Maintenance', 'req-ks-door');
    const paused = await call();
    expect(paused.status).toBe(503);
    expect((await paused.json()).error.code).toBe('service_paused');
    expect(paused.headers.get('retry-after')).toBe(String(settings.retryAfterSeconds));
    await resumeAnswers(admin, 'Maintenance done', 'req-ks-door-2');
    const after = await call();
    expect(after.status).toBe(200);
    // The paused request took nothing from the allowance: only this one is counted.
    expect(Number(after.headers.get('ratelimit-remaining'))).toBe(remaining - 1);
  });

  it('[ADMIN]: only an admin changes it; engaging twice or releasing what is off is refused', async () => {
    expect((await errorOf(pauseAnswers(user, 'not mine to pull'))).code).toBe('forbidden');
    expect((await errorOf(pauseAnswers(null, 'nobody'))).code).toBe('unauthorized');
    expect((await errorOf(resumeAnswers(admin, 'nothing to release'))).message).toBe(
      'Answers are not paused.',
    );
    await pauseAnswers(admin, 'maintenance');
    expect((await errorOf(pauseAnswers(admin, 'again'))).message).toBe('Answers are already paused.');
    expect(await switchEvents()).toHaveLength(1);
  });

  it('[ADMIN]: released by an admin with a reason, answers flow again; both changes in the history', async () => {
    await pauseAnswers(admin, 'maintenance window');
    await resumeAnswers(admin, 'maintenance done', 'req-ks-3');
    await expect(assertServiceAvailable()).resolves.toBeUndefined();

    const run = await ask({ question: 'Anything at all?', requestId: 'req-ks-4', user, route: 'api' });
    expect((await completeAnswer(run)).status).not.toBe('ERROR');

    expect(await readKillSwitch()).toMatchObject({ engaged: false, reason: 'maintenance done' });
    const events = await switchEvents();
    expect(events.map((event) => [event.action, event.reason])).toEqual([
      ['kill_switch.engaged', 'maintenance window'],
      ['kill_switch.released', 'maintenance done'],
    ]);
    const history = await listKillSwitchHistory(admin, 2);
    expect(history.map((event) => event.action)).toEqual(['kill_switch.released', 'kill_switch.engaged']);
    expect(history[0]).toMatchObject({ by: { email: 'ks-admin@example.test' }, reason: 'maintenance done' });
    expect((await errorOf(listKillSwitchHistory(user))).code).toBe('forbidden');
  });

  it('does not trip under the threshold, on too few answers, or on refusals, stops and old failures', async () => {
    await seedLogs([
      { status: 'OK', n: 16 },
      { status: 'DEGRADED', n: 2 },
      { status: 'ERROR', errorCode: 'generation_failed', n: 2 },
      { status: 'REJECTED', errorCode: 'injection_detected', n: 30 },
      { status: 'ERROR', errorCode: 'client_aborted', n: 30 },
      { status: 'ERROR', errorCode: 'generation_failed', n: 30, ageSeconds: settings.windowSeconds + 60 },
    ]);
    expect(await checkErrorRate()).toMatchObject({
      failed: 2,
      degraded: 2,
      total: 20,
      trip: false,
      tripped: false,
    });

    await db().queryLog.deleteMany({ where: { status: 'OK' } });
    await seedLogs([{ status: 'ERROR', errorCode: 'retrieval_failed', n: 10 }]);
    // 12 of 14 failed, but 14 answers are fewer than the 20 the rule asks for.
    expect(await checkErrorRate()).toMatchObject({ failed: 12, total: 14, tripped: false });
    expect((await readKillSwitch()).engaged).toBe(false);
  });

  it('[AUTO]: trips at 15 % of 20 answers in the window, audited with no actor and the measurement; never releases itself', async () => {
    await seedLogs([
      { status: 'OK', n: 17 },
      { status: 'ERROR', errorCode: 'generation_failed', n: 3 },
    ]);
    expect(await checkErrorRate()).toMatchObject({ failed: 3, total: 20, rate: 0.15, tripped: true });

    const state = await readKillSwitch();
    expect(state).toMatchObject({ engaged: true, automatic: true, by: null });
    expect(state.reason).toBe(
      'Error rate 15 % (3 of 20 answers failed) in the last 5 minutes, at or above the 15 % threshold.',
    );
    const refused = await errorOf(assertServiceAvailable());
    expect(refused.code).toBe('service_paused');
    expect(refused.message).toMatch(/paused automatically because too many recent answers failed/);

    const events = await switchEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'kill_switch.tripped',
      actorId: null,
      actorRole: null,
      reason: state.reason,
      metadata: {
        errorRate: 0.15,
        failed: 3,
        total: 20,
        threshold: 0.15,
        minRequests: 20,
        windowSeconds: 300,
      },
    });

    // The errors stop: the check leaves it engaged (only a person releases it) and audits nothing more.
    await db().queryLog.deleteMany({ where: { status: 'ERROR' } });
    await seedLogs([{ status: 'OK', n: 100 }]);
    expect(await checkErrorRate()).toBeNull();
    expect((await readKillSwitch()).engaged).toBe(true);
    expect(await switchEvents()).toHaveLength(1);
  });

  it('[AUTO]: a failed answer reported by the answer path runs the check; refusals and stops do not', async () => {
    await seedLogs([
      { status: 'OK', n: 15 },
      { status: 'ERROR', errorCode: 'generation_failed', n: 5 },
    ]);
    noteAnswerOutcome({ status: 'REJECTED', errorCode: 'budget_exceeded' });
    noteAnswerOutcome({ status: 'ERROR', errorCode: 'client_aborted' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await readKillSwitch()).engaged).toBe(false);

    noteAnswerOutcome({ status: 'ERROR', errorCode: 'generation_failed' });
    await expect.poll(async () => (await readKillSwitch()).engaged, { timeout: 5_000 }).toBe(true);
    expect((await switchEvents()).map((event) => event.action)).toEqual(['kill_switch.tripped']);
  });

  it('[AUTO]: instances checking at once trip it once', async () => {
    await seedLogs([
      { status: 'OK', n: 10 },
      { status: 'ERROR', errorCode: 'generation_failed', n: 10 },
    ]);
    const checks = await Promise.all([checkErrorRate(), checkErrorRate(), checkErrorRate()]);
    expect(checks.filter((check) => check?.tripped)).toHaveLength(1);
    expect(await switchEvents()).toHaveLength(1);
  });
});

/** Starts one instance process; resolves with it and the port it chose. */
function startInstance(): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'tests/support/kill-switch-instance.ts'],
      {
        env: { ...process.env, DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => {
      const port = /listening (\d+)/.exec(String(chunk))?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
    child.on('exit', (code) => reject(new Error(`instance exited (${code}): ${stderr}`)));
  });
}

describe(`[KILL SWITCH] two instances on ${inject('database')}`, () => {
  let admin: Awaited<ReturnType<typeof upsertUser>>;
  const instances: ChildProcess[] = [];
  let ports: number[] = [];

  beforeAll(async () => {
    admin = await upsertUser({ email: 'ks-admin@example.test', role: 'ADMIN', passwordHash: 'x' });
    await reset();
    const started = await Promise.all([startInstance(), startInstance()]);
    instances.push(...started.map(({ child }) => child));
    ports = started.map(({ port }) => port);
  });
  afterAll(async () => {
    for (const child of instances) child.kill();
    await reset();
  });

  const check = async (port: number) => {
    const response = await fetch(`http://127.0.0.1:${port}/check`);
    return {
      status: response.status,
      body: (await response.json()) as { error?: { code: string; message: string } },
    };
  };
  const change = async (port: number, path: '/pause' | '/resume', reason: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      body: JSON.stringify({ actor: admin, reason }),
    });
    expect(response.status).toBe(200);
  };
  /** Asks `port` every 25 ms until it answers `status`; the milliseconds that took. */
  const seenWithin = async (port: number, status: number, since: number) => {
    for (;;) {
      if ((await check(port)).status === status) return performance.now() - since;
      if (performance.now() - since > 5_000) return Infinity;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it('a pause made through one instance is seen by the other within 2 s, and so is the release', async () => {
    const [a, b] = ports as [number, number];
    // Both have read the switch (off) and cache it: the other's change must reach them by polling.
    expect((await check(a)).status).toBe(200);
    expect((await check(b)).status).toBe(200);

    let since = performance.now();
    await change(a, '/pause', 'Paused from instance A');
    expect((await check(a)).status).toBe(503);
    const paused = await seenWithin(b, 503, since);
    expect(paused).toBeLessThan(2_000);
    expect((await check(b)).body.error).toEqual({
      code: 'service_paused',
      message: 'Answers are paused by an administrator: Paused from instance A.',
    });

    since = performance.now();
    await change(b, '/resume', 'Resumed from instance B');
    const resumed = await seenWithin(a, 200, since);
    expect(resumed).toBeLessThan(2_000);
    console.info(
      `kill switch propagation: pause ${Math.round(paused)} ms, release ${Math.round(resumed)} ms`,
    );
  });
});
