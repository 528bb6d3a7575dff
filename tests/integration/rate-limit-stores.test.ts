// [Rate limits] The shared stores against the real Redis at REDIS_URL: two app instances (separate
// processes on two ports) hit one key at once and together never admit more than the limit; Upstash
// over REST through a local stub of its protocol; and what each rule does when its store is down.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseEnv } from '../../lib/env';
import { limit, storeFromSettings } from '../../lib/rate-limit/limiter';
import type { RateLimitRule, RateLimitStore } from '../../lib/rate-limit/types';
import { KEY_PREFIX } from '../../lib/rate-limit/upstash-store';
import { freePort } from '../support/free-port';
import { startUpstashRestStub, type UpstashRestStub } from '../support/upstash-rest-stub';

const { REDIS_URL } = parseEnv(process.env);
const WINDOW_SECONDS = 3600;

const rule = (id: string, limitTo: number, whenStoreDown: 'open' | 'closed' = 'closed'): RateLimitRule => ({
  id,
  limit: limitTo,
  windowSeconds: WINDOW_SECONDS,
  whenStoreDown,
});

/** Waits out the last seconds of a window, so a burst is counted in one window. */
async function awayFromWindowEdge(windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

function startInstance(port: number, limitTo: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'tests/support/rate-limit-instance.ts'],
      {
        env: {
          ...process.env,
          REDIS_URL,
          PORT: String(port),
          RULE_LIMIT: String(limitTo),
          RULE_WINDOW_SECONDS: String(WINDOW_SECONDS),
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => String(chunk).includes('listening') && resolve(child));
    child.on('exit', (code) => reject(new Error(`instance exited (${code}): ${stderr}`)));
  });
}

describe.skipIf(!REDIS_URL)(`[Rate limits] shared stores on Redis (${inject('database')} run)`, () => {
  let redis: Redis;
  let stub: UpstashRestStub;
  const stores: RateLimitStore[] = [];

  beforeAll(async () => {
    redis = new Redis(REDIS_URL!);
    stub = await startUpstashRestStub(REDIS_URL!);
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close?.()));
    await stub?.close();
    await redis?.quit();
  });

  it('two app instances hitting one key at once together admit exactly the limit', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const instances = await Promise.all([startInstance(portA, 25), startInstance(portB, 25)]);
    try {
      await awayFromWindowEdge(WINDOW_SECONDS);
      const key = `burst-${randomUUID()}`;
      const replies = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          fetch(`http://127.0.0.1:${i % 2 ? portA : portB}/hit?key=${key}`).then(
            (response) => response.json() as Promise<{ allowed: boolean; storeUnavailable: boolean }>,
          ),
        ),
      );
      expect(replies.filter((reply) => reply.storeUnavailable)).toHaveLength(0);
      expect(replies.filter((reply) => reply.allowed)).toHaveLength(25);
      // The count lives in Redis, under this service's prefix.
      expect(await redis.keys(`${KEY_PREFIX}:two-instances:${key}:*`)).toHaveLength(1);
    } finally {
      for (const child of instances) child.kill();
    }
  });

  it('the Redis store counts, refunds and peeks like the in-process one', async () => {
    const store = storeFromSettings({ REDIS_URL });
    stores.push(store);
    expect(store.kind).toBe('redis');
    await awayFromWindowEdge(WINDOW_SECONDS);
    const key = randomUUID();
    const r = rule('redis-basics', 3);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limit(key, r, store));
    expect(results.map((result) => [result.allowed, result.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
    await store.hit(key, r, -1);
    expect(await store.peek(key, r)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('Upstash over REST (a stub of its protocol in front of the same Redis) admits exactly the limit under concurrency', async () => {
    const store = storeFromSettings({
      UPSTASH_REDIS_REST_URL: stub.url,
      UPSTASH_REDIS_REST_TOKEN: stub.token,
    });
    expect(store.kind).toBe('upstash');
    await awayFromWindowEdge(WINDOW_SECONDS);
    const key = randomUUID();
    const r = rule('upstash-basics', 10);
    const before = stub.requests;
    const results = await Promise.all(Array.from({ length: 30 }, () => limit(key, r, store)));
    expect(results.filter((result) => result.storeUnavailable)).toHaveLength(0);
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    expect(stub.requests).toBeGreaterThan(before);
    expect(await redis.keys(`${KEY_PREFIX}:upstash-basics:${key}:*`)).toHaveLength(1);
    expect(await store.peek(key, r)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('with the store unreachable, a rule that fails open lets requests through and one that fails closed refuses them', async () => {
    const port = await freePort();
    const redisDown = storeFromSettings({ REDIS_URL: `redis://127.0.0.1:${port}` });
    const upstashDown = storeFromSettings({
      UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${port}`,
      UPSTASH_REDIS_REST_TOKEN: 'x',
    });
    const wrongToken = storeFromSettings({
      UPSTASH_REDIS_REST_URL: stub.url,
      UPSTASH_REDIS_REST_TOKEN: 'wrong',
    });
    stores.push(redisDown);
    for (const store of [redisDown, upstashDown, wrongToken]) {
      expect(await limit('k', rule('down-open', 1, 'open'), store), store.kind).toMatchObject({
        allowed: true,
        storeUnavailable: true,
      });
      expect(await limit('k', rule('down-closed', 1, 'closed'), store), store.kind).toMatchObject({
        allowed: false,
        storeUnavailable: true,
      });
    }
  });
});
