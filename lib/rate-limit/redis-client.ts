// Redis over TCP (ioredis), adapted to the calls @upstash/ratelimit makes, so both shared stores run
// the library's own scripts.
import { Redis } from 'ioredis';
import type { ScriptClient } from './upstash-store';

export function connectRedis(
  url: string,
  timeoutMs: number,
): { client: ScriptClient; quit: () => Promise<void> } {
  const redis = new Redis(url, {
    // A command waits for a reconnect at most once and never longer than the limiter would.
    maxRetriesPerRequest: 1,
    commandTimeout: timeoutMs,
    connectTimeout: timeoutMs * 2,
    // Reconnect quickly at first, then every 2 s while the server is down.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  // ioredis reports a lost connection as an 'error' event; commands fail on their own, so this only
  // keeps the event from being unhandled (limiter.ts logs the failed calls).
  redis.on('error', () => {});
  const strings = (args: unknown[]) => args.map((arg) => String(arg));
  return {
    client: {
      evalsha: (sha, keys, args) => redis.evalsha(sha, keys.length, ...keys, ...strings(args)),
      eval: (script, keys, args) => redis.eval(script, keys.length, ...keys, ...strings(args)),
      get: (key) => redis.get(key),
      set: (key, value) => redis.set(key, String(value)),
    },
    quit: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
