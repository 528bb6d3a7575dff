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
});
