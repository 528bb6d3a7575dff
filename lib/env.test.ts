import { describe, expect, it } from 'vitest';
import { DEV_AUTH_SECRET, EnvError, parseEnv } from './env';

describe('settings (lib/env)', () => {
  it('starts with nothing configured: embedded database, local models', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe('.data');
    expect(env.EMBEDDING_DIMENSIONS).toBe(384);
    expect(env.PORT).toBe(3000);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', OPENAI_API_KEY: '' }).DATABASE_URL).toBeUndefined();
  });

  it('lists every bad variable with what it expects in one error', () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: 'mysql://x', PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/LOG_LEVEL: /);
    expect((error as EnvError).issues).toHaveLength(3);
  });

  it('refuses default secrets in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: must be set/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: DEV_AUTH_SECRET })).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('requires an https AUTH_URL in production, except on this machine', () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) };
    expect(() => parseEnv({ ...production, AUTH_URL: 'http://rag.example.com' })).toThrow(
      /AUTH_URL: must be an https:\/\/ URL in production/,
    );
    expect(parseEnv({ ...production, AUTH_URL: 'https://rag.example.com' }).AUTH_URL).toBe(
      'https://rag.example.com',
    );
    expect(parseEnv({ ...production, AUTH_URL: 'http://localhost:3000' }).AUTH_URL).toBe(
      'http://localhost:3000',
    );
  });

  it('requires all three OIDC settings or none, and a known sign-up mode', () => {
    expect(() => parseEnv({ OIDC_ISSUER: 'https://id.example.com', OIDC_CLIENT_ID: 'rag' })).toThrow(
      /set all three or none/,
    );
    expect(() => parseEnv({ SIGNUP_MODE: 'sometimes' })).toThrow(
      /SIGNUP_MODE: must be open, invite or closed/,
    );
    expect(parseEnv({}).SIGNUP_MODE).toBe('invite');
  });

  it('requires both Upstash settings or neither', () => {
    expect(() => parseEnv({ UPSTASH_REDIS_REST_URL: 'https://example.upstash.io' })).toThrow(
      /set both or neither/,
    );
  });

  describe('chaos mode', () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) };

    it('is off by default, with 10 % failures, 0-500 ms and every target', () => {
      const env = parseEnv({});
      expect(env.ENABLE_CHAOS).toBe(false);
      expect(env.CHAOS_FAILURE_RATE).toBe(0.1);
      expect(env.CHAOS_LATENCY_MS).toEqual({ min: 0, max: 500 });
      expect(env.CHAOS_TARGETS).toEqual(['model', 'database', 'redis']);
      expect(env.CHAOS_FORCE).toBe(false);
      expect(parseEnv({ ENABLE_CHAOS: '', CHAOS_TARGETS: '', CHAOS_LATENCY_MS: '' }).ENABLE_CHAOS).toBe(
        false,
      );
    });

    it('reads its switch as true or false only', () => {
      expect(parseEnv({ ENABLE_CHAOS: 'true' }).ENABLE_CHAOS).toBe(true);
      expect(() => parseEnv({ ENABLE_CHAOS: 'yes' })).toThrow(/ENABLE_CHAOS: must be true or false/);
      expect(() => parseEnv({ CHAOS_FORCE: '1' })).toThrow(/CHAOS_FORCE: must be true or false/);
    });

    it('takes a failure rate from 0 to 1', () => {
      expect(parseEnv({ CHAOS_FAILURE_RATE: '0.25' }).CHAOS_FAILURE_RATE).toBe(0.25);
      expect(parseEnv({ CHAOS_FAILURE_RATE: '1' }).CHAOS_FAILURE_RATE).toBe(1);
      expect(() => parseEnv({ CHAOS_FAILURE_RATE: '10' })).toThrow(
        /CHAOS_FAILURE_RATE: must be a share from 0 to 1/,
      );
      expect(() => parseEnv({ CHAOS_FAILURE_RATE: '-0.1' })).toThrow(/CHAOS_FAILURE_RATE: /);
      expect(() => parseEnv({ CHAOS_FAILURE_RATE: 'often' })).toThrow(/CHAOS_FAILURE_RATE: /);
    });

    it('takes a latency range min-max with min at most max', () => {
      expect(parseEnv({ CHAOS_LATENCY_MS: '0-1000' }).CHAOS_LATENCY_MS).toEqual({ min: 0, max: 1000 });
      expect(parseEnv({ CHAOS_LATENCY_MS: '200-200' }).CHAOS_LATENCY_MS).toEqual({ min: 200, max: 200 });
      expect(() => parseEnv({ CHAOS_LATENCY_MS: '500-100' })).toThrow(
        /CHAOS_LATENCY_MS: must be min-max with min at most max/,
      );
      expect(() => parseEnv({ CHAOS_LATENCY_MS: '100' })).toThrow(
        /CHAOS_LATENCY_MS: must be a range of milliseconds/,
      );
      expect(() => parseEnv({ CHAOS_LATENCY_MS: '-5-10' })).toThrow(/CHAOS_LATENCY_MS: /);
    });

    it('takes targets from model, database and redis, and names the unknown ones', () => {
      expect(parseEnv({ CHAOS_TARGETS: 'model' }).CHAOS_TARGETS).toEqual(['model']);
      expect(parseEnv({ CHAOS_TARGETS: 'redis, database,redis' }).CHAOS_TARGETS).toEqual([
        'redis',
        'database',
      ]);
      expect(() => parseEnv({ CHAOS_TARGETS: 'model,disk,network' })).toThrow(
        /CHAOS_TARGETS: unknown targets "disk", "network"; must be model, database, redis/,
      );
    });

    it('refuses to run in production unless forced', () => {
      expect(() => parseEnv({ ...production, ENABLE_CHAOS: 'true' })).toThrow(
        'ENABLE_CHAOS: refused in production; set CHAOS_FORCE=true to inject faults anyway',
      );
      expect(parseEnv({ ...production, ENABLE_CHAOS: 'true', CHAOS_FORCE: 'true' }).ENABLE_CHAOS).toBe(true);
      expect(parseEnv({ ...production, ENABLE_CHAOS: 'false' }).ENABLE_CHAOS).toBe(false);
      expect(parseEnv({ ENABLE_CHAOS: 'true' }).ENABLE_CHAOS).toBe(true);
    });
  });
});
