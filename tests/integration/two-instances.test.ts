// [INSTANCES] Two production instances (`npm start` twice, two ports) on one database and one Redis
// behave as one service: a rate limit counts requests to both, the kill switch engaged through one
// pauses the other within 2 s, an answer cached through one is a cache hit through the other, and an
// async question submitted to one is answered by whichever instance's worker takes the job.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../../bench/support/session';
import { hashPassword } from '../../lib/auth/password';
import { createApiKey } from '../../lib/db/api-keys';
import { db } from '../../lib/db/client';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { parseEnv } from '../../lib/env';
import { ingestFile } from '../../lib/ingest/pipeline';
import {
  ensureProductionBuild,
  PRODUCTION_DIST_DIR,
  startProductionApp,
  type AppInstance,
} from '../support/production-app';

const { REDIS_URL } = parseEnv(process.env);
// 5 questions per API key an hour (100 × 0.05), so the shared limit is reached in a few requests.
const MULTIPLIER = 0.05;
const KEY_LIMIT = 5;

const randomIp = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

function ask(app: AppInstance, key: string, query: string, path = '/api/v1/query'): Promise<Response> {
  return fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
}

/** The id Next.js gave a server action of the build (POSTed with the `Next-Action` header). */
function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(PRODUCTION_DIST_DIR, 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`no server action ${exportedName} in ${file}`);
  return found[0];
}

describe.skipIf(!REDIS_URL)(`[INSTANCES] two instances on ${inject('database')} and Redis`, () => {
  let one: AppInstance;
  let two: AppInstance;
  let user: SessionUser;
  const newKey = async (name: string) => (await createApiKey({ user, name, scopes: ['query'] })).key;

  beforeAll(async () => {
    await ensureProductionBuild();
    user = await upsertUser({ email: 'instances@example.test', role: 'USER', passwordHash: 'x' });
    await ingestFile({
      fileName: 'tidectl.md',
      source: 'tidectl.md',
      bytes: new TextEncoder().encode(
        '# Install guide\n\n## macOS\n\nInstall the command line tool on macOS with Homebrew: run brew install tidectl, then tidectl login.\n\n' +
          '## Linux\n\nOn Linux, download the tidectl package from the releases page and install it with apt install ./tidectl.deb.\n',
      ),
    });
    await ingestFile({
      fileName: 'lighthouse.md',
      source: 'lighthouse.md',
      bytes: new TextEncoder().encode(
        '# Lighthouse\n\nThe Kettleness lighthouse opens to visitors on Saturdays from 10:00 to 16:00.\n',
      ),
    });
    const settings = {
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: REDIS_URL!,
      RATE_LIMIT_MULTIPLIER: String(MULTIPLIER),
    };
    // One after the other: each launcher applies the migrations under Prisma's advisory lock first.
    one = await startProductionApp(settings);
    two = await startProductionApp(settings);
  }, 40 * 60_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await db().systemState.deleteMany({ where: { key: 'kill_switch' } });
  }, 120_000);

  it('counts one rate limit across both instances (Redis)', async () => {
    const key = await newKey(`limit-${randomBytes(4).toString('hex')}`);
    const statuses: number[] = [];
    for (let i = 0; i < KEY_LIMIT + 3; i++) {
      const response = await ask(i % 2 ? two : one, key, `When does the lighthouse open? (${i})`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(KEY_LIMIT);
    expect(statuses.slice(KEY_LIMIT)).toEqual([429, 429, 429]);
  });

  it('serves an answer cached through one instance as a cache hit through the other', async () => {
    const key = await newKey('cache');
    const question = 'Where do I download the tidectl package?';
    const first = (await (await ask(one, key, question)).json()) as { query_id: string };
    // The answer goes into the cache in the background once it has been sent.
    await expect
      .poll(() => db().answerCacheEntry.count({ where: { originQueryLogId: first.query_id } }), {
        timeout: 15_000,
      })
      .toBe(1);
    const second = (await (await ask(two, key, question)).json()) as {
      query_id: string;
      explanation: { factors: { cacheHit: boolean } };
    };
    expect(second.explanation.factors.cacheHit).toBe(true);
    const rows = await db().queryLog.findMany({
      where: { id: { in: [first.query_id, second.query_id] } },
      select: { id: true, cacheHit: true },
    });
    const hit = Object.fromEntries(rows.map((row) => [row.id, row.cacheHit]));
    expect(hit).toEqual({ [first.query_id]: false, [second.query_id]: true });
  });

  it('answers an async question submitted to one instance, read through the other', async () => {
    const key = await newKey('async');
    const submitted = await ask(
      one,
      key,
      'What days is the Kettleness lighthouse open?',
      '/api/v1/query/async',
    );
    expect(submitted.status).toBe(202);
    const { query_id } = (await submitted.json()) as { query_id: string };
    let status = 'processing';
    let body: { status: string; answer?: string } = { status };
    const deadline = Date.now() + 60_000;
    while (status === 'processing' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const response = await fetch(`${two.baseUrl}/api/v1/query/${query_id}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      body = (await response.json()) as typeof body;
      status = body.status;
    }
    expect(status).toBe('completed');
    expect(body.answer).toMatch(/Saturday/i);
  });

  it('streams answers uncompressed through both doors, even to a client that accepts gzip', async () => {
    // Next.js compresses responses; a gzipped stream holds the first words back until it flushes.
    const password = randomBytes(18).toString('base64url');
    await upsertUser({
      email: 'instances-chat@example.test',
      role: 'USER',
      passwordHash: await hashPassword(password),
    });
    const cookies = await signIn(
      two.baseUrl,
      { email: 'instances-chat@example.test', password },
      { 'x-forwarded-for': randomIp() },
    );
    const streams = [
      await fetch(`${two.baseUrl}/api/chat`, {
        method: 'POST',
        headers: {
          'accept-encoding': 'gzip, deflate, br',
          'content-type': 'application/json',
          cookie: cookies.header(),
          origin: two.baseUrl,
        },
        body: JSON.stringify({
          trigger: 'submit-message',
          id: `conv-${randomBytes(6).toString('hex')}`,
          message: { role: 'user', parts: [{ type: 'text', text: 'How do I install tidectl on Linux?' }] },
        }),
      }),
      await fetch(`${one.baseUrl}/api/v1/query/stream`, {
        method: 'POST',
        headers: {
          'accept-encoding': 'gzip, deflate, br',
          authorization: `Bearer ${await newKey('stream')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ query: 'How do I install tidectl on Linux?' }),
      }),
    ];
    for (const response of streams) {
      expect(response.status, response.url).toBe(200);
      expect(response.headers.get('content-type'), response.url).toMatch(/^text\/event-stream/);
      expect(response.headers.get('content-encoding'), response.url).toBeNull();
      expect(response.headers.get('cache-control'), response.url).toContain('no-transform');
      expect(await response.text(), response.url).toContain('apt install ./tidectl.deb');
    }
  });

  it('pauses both when the kill switch is engaged through one (503 on the other within 2 s)', async () => {
    const password = randomBytes(18).toString('base64url');
    await upsertUser({
      email: 'instances-admin@example.test',
      role: 'ADMIN',
      passwordHash: await hashPassword(password),
    });
    const key = await newKey('kill-switch');
    expect((await ask(two, key, 'Is the lighthouse open on Saturdays?')).status).toBe(200);

    // The admin page's own server action, through instance one with an admin's session.
    const cookies = await signIn(
      one.baseUrl,
      { email: 'instances-admin@example.test', password },
      { 'x-forwarded-for': randomIp() },
    );
    const engage = await fetch(`${one.baseUrl}/admin/kill-switch`, {
      method: 'POST',
      headers: {
        cookie: cookies.header(),
        origin: one.baseUrl,
        'next-action': serverActionId('app/admin/kill-switch/actions.ts', 'engageKillSwitch'),
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
      },
      body: JSON.stringify([{ reason: 'two-instance test' }]),
    });
    expect(engage.status).toBe(200);
    expect(await engage.text()).toContain('"engaged":true');
    const engagedAt = Date.now();

    let paused: Response | null = null;
    while (Date.now() - engagedAt < 5_000) {
      paused = await ask(two, key, 'Is the lighthouse open on Saturdays?');
      if (paused.status === 503) break;
      await paused.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(Date.now() - engagedAt).toBeLessThan(2_000 + 500);
    expect(paused?.status).toBe(503);
    expect(((await paused!.json()) as { error: { code: string } }).error.code).toBe('service_paused');
  });
});
