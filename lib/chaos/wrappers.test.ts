// The chaos wrappers with chaos on and off: the model fails as a provider's 503, the rate-limit store
// as a store that is down, the database adapter as a server that cannot be reached; off, each is
// handed back unwrapped.
import { DriverAdapterError, type SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { APICallError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyProviderError } from '@/lib/ai/generation/provider-errors';
import { createLocalChatModel } from '@/lib/ai/local/extractive-model';
import { createMemoryStore } from '@/lib/rate-limit/memory-store';
import { withDatabaseChaos } from './database';
import type { ChaosSettings } from './faults';
import { withModelChaos } from './model';
import { withStoreChaos } from './rate-limit-store';
import { chaosSettingsFrom, useChaos } from './state';
import { parseEnv } from '@/lib/env';

const on = (targets: ChaosSettings['targets'], failureRate = 1): ChaosSettings => ({
  failureRate,
  latencyMs: { min: 0, max: 0 },
  targets,
});
const always = () => 0;
/** Draws above any failure rate under 1. */
const never = () => 0.999_999;
const rule = { id: 'chaos-test', limit: 5, windowSeconds: 60, whenStoreDown: 'open' } as const;

afterEach(() => useChaos(null));

describe('chaos settings (lib/chaos/state)', () => {
  it('come from the environment only when ENABLE_CHAOS is true', () => {
    expect(chaosSettingsFrom(parseEnv({}))).toBeNull();
    expect(
      chaosSettingsFrom(parseEnv({ ENABLE_CHAOS: 'true', CHAOS_LATENCY_MS: '5-10', CHAOS_TARGETS: 'redis' })),
    ).toEqual({ failureRate: 0.1, latencyMs: { min: 5, max: 10 }, targets: ['redis'] });
  });
});

describe('chaos at the model (lib/chaos/model)', () => {
  const ask = (model: ReturnType<typeof createLocalChatModel>) =>
    generateText({ model, prompt: 'Question: what is it?\n\n[1] It is a test.', maxRetries: 0 });

  it('is the model itself when the model target is off', () => {
    const model = createLocalChatModel();
    expect(withModelChaos(model)).toBe(model);
    useChaos(on(['database', 'redis']));
    expect(withModelChaos(model)).toBe(model);
  });

  it('fails a call as a retryable 503 from the provider', async () => {
    useChaos(on(['model']));
    const error = await ask(withModelChaos(createLocalChatModel(), always)).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 503, isRetryable: true });
    expect(classifyProviderError(error)).toMatchObject({ code: 'http_503', retryable: true });
  });

  it('lets the other calls through, and stops failing when chaos is turned off', async () => {
    useChaos(on(['model'], 0.5));
    expect((await ask(withModelChaos(createLocalChatModel(), never))).text.length).toBeGreaterThan(0);
    const model = withModelChaos(createLocalChatModel(), always);
    useChaos(null);
    expect((await ask(model)).text.length).toBeGreaterThan(0);
  });
});

describe('chaos at the rate-limit store (lib/chaos/rate-limit-store)', () => {
  it('is the store itself when the redis target is off', () => {
    const store = createMemoryStore();
    expect(withStoreChaos(store)).toBe(store);
  });

  it('fails hits and peeks as a store that is down, and passes the others on', async () => {
    useChaos(on(['redis'], 0.5));
    const store = createMemoryStore();
    await expect(withStoreChaos(store, always).hit('k', rule)).rejects.toThrow(/ECONNREFUSED.*chaos/);
    await expect(withStoreChaos(store, always).peek('k', rule)).rejects.toThrow(/chaos/);
    const passing = withStoreChaos(store, never);
    expect(passing.kind).toBe('memory');
    expect(await passing.hit('k', rule)).toMatchObject({ allowed: true, remaining: 4 });
  });
});

describe('chaos at the database adapter (lib/chaos/database)', () => {
  const calls: string[] = [];
  const fakeFactory = (): SqlDriverAdapterFactory =>
    ({
      provider: 'postgres',
      adapterName: 'fake',
      async connect() {
        const queryable = {
          provider: 'postgres',
          adapterName: 'fake',
          async queryRaw() {
            calls.push('queryRaw');
            return { columnNames: [], columnTypes: [], rows: [] };
          },
          async executeRaw() {
            calls.push('executeRaw');
            return 1;
          },
        };
        return {
          ...queryable,
          async executeScript() {},
          async startTransaction() {
            calls.push('startTransaction');
            return {
              ...queryable,
              options: { usePhantomQuery: false },
              commit: async () => {},
              rollback: async () => {},
            };
          },
          async dispose() {
            calls.push('dispose');
          },
        };
      },
    }) as unknown as SqlDriverAdapterFactory;

  it('is the factory itself when the database target is off', () => {
    const factory = fakeFactory();
    expect(withDatabaseChaos(factory)).toBe(factory);
  });

  it('fails queries and transaction starts as an unreachable server (Prisma: P1001)', async () => {
    useChaos(on(['database']));
    const adapter = await withDatabaseChaos(fakeFactory(), always).connect();
    const error = await adapter
      .queryRaw({ sql: 'SELECT 1', args: [], argTypes: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriverAdapterError);
    expect((error as DriverAdapterError).cause).toMatchObject({ kind: 'DatabaseNotReachable' });
    await expect(adapter.startTransaction()).rejects.toBeInstanceOf(DriverAdapterError);
  });

  it('passes queries, transactions and the rest through when the dice say so', async () => {
    useChaos(on(['database'], 0.5));
    calls.length = 0;
    const adapter = await withDatabaseChaos(fakeFactory(), never).connect();
    await adapter.queryRaw({ sql: 'SELECT 1', args: [], argTypes: [] });
    const transaction = await adapter.startTransaction();
    await transaction.executeRaw({ sql: 'UPDATE t SET x = 1', args: [], argTypes: [] });
    await adapter.dispose();
    expect(calls).toEqual(['queryRaw', 'startTransaction', 'executeRaw', 'dispose']);
  });
});
