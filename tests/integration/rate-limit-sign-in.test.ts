// [Auth] Brute-force sign-in is slowed per client IP and per email address, on the real database and
// real password hashing: a correct password waits out the window but is never locked out, and with
// the store down sign-in fails closed.
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { checkCredentials } from '../../lib/auth/credentials';
import { hashPassword } from '../../lib/auth/password';
import { rateLimits } from '../../lib/config';
import { upsertUser } from '../../lib/db/users';
import { useRateLimitStore } from '../../lib/rate-limit/limiter';
import { createMemoryStore } from '../../lib/rate-limit/memory-store';

const email = 'brute-force@example.test';
const password = 'correct horse battery staple';
// A different address for each attempt, so only the email rule is in play where that is the point.
let nextHost = 1;
const fromNewIp = () => ({ 'x-forwarded-for': `198.51.100.${nextHost++ % 250}` });

describe(`[Auth] sign-in rate limits on ${inject('database')}`, () => {
  let now = 0;

  beforeAll(async () => {
    await upsertUser({ email, role: 'USER', passwordHash: await hashPassword(password) });
  });

  beforeEach(() => {
    now = Date.UTC(2026, 0, 1, 12); // the start of a window of every rule
    useRateLimitStore(createMemoryStore(() => now));
  });

  it('after 5 failures an address waits out the window, even with the right password, then signs in', async () => {
    for (let i = 0; i < rateLimits.signInFailuresPerEmail.limit; i++)
      expect(await checkCredentials({ email, password: `wrong ${i}` }, fromNewIp())).toBeNull();
    expect(await checkCredentials({ email, password }, fromNewIp())).toBeNull();
    // The same address in other letters is the same bucket.
    expect(await checkCredentials({ email: email.toUpperCase(), password }, fromNewIp())).toBeNull();
    now += rateLimits.signInFailuresPerEmail.windowSeconds * 1000 + 1000;
    expect(await checkCredentials({ email, password }, fromNewIp())).toMatchObject({ email });
  });

  it('counts only failures against an address: right passwords never use it up', async () => {
    for (let i = 0; i < rateLimits.signInFailuresPerEmail.limit * 2; i++)
      expect(await checkCredentials({ email, password }, fromNewIp())).toMatchObject({ email });
    for (let i = 0; i < rateLimits.signInFailuresPerEmail.limit - 1; i++)
      await checkCredentials({ email, password: 'wrong' }, fromNewIp());
    expect(await checkCredentials({ email, password }, fromNewIp())).toMatchObject({ email });
  });

  it('allows 10 attempts a minute from one IP, whatever their outcome; other addresses go on', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.50' };
    for (let i = 0; i < rateLimits.signInPerIp.limit; i++)
      expect(await checkCredentials({ email, password }, ip)).toMatchObject({ email });
    expect(await checkCredentials({ email, password }, ip)).toBeNull();
    expect(await checkCredentials({ email, password }, { 'x-real-ip': '203.0.113.51' })).toMatchObject({
      email,
    });
    now += 61_000;
    expect(await checkCredentials({ email, password }, ip)).toMatchObject({ email });
  });

  it('fails closed: with the store down nobody signs in, not even with the right password', async () => {
    useRateLimitStore({
      kind: 'redis',
      hit: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
      peek: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
    });
    expect(await checkCredentials({ email, password }, fromNewIp())).toBeNull();
  });
});
