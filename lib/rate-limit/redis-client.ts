// Redis over TCP (ioredis), adapted to the calls @upstash/ratelimit makes, so both shared stores run
// the library's own scripts.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ScriptClient } from './upstash-store';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Runs Upstash's scripts on a stock Redis. They open with `#!lua flags=allow-key-locking`, a flag only
 * Upstash knows (Redis 7 refuses the script), so the line is dropped; the script is then known to
 * Redis by the hash of what is left, which EVALSHA is given in place of Upstash's hash. A hash not
 * seen yet answers NOSCRIPT, on which the library sends the script itself.
 */
export function upstashScriptRunner(redis: Redis) {
  const ownHash = new Map<string, string>();
  const strings = (args: unknown[]) => args.map((arg) => String(arg));
  return {
    evalsha: async (sha: string, keys: string[], args: unknown[]): Promise<unknown> => {
      const own = ownHash.get(sha);
      if (!own) throw new Error('NOSCRIPT No matching script. Please use EVAL.');
      return redis.evalsha(own, keys.length, ...keys, ...strings(args));
    },
    eval: async (script: string, keys: string[], args: unknown[]): Promise<unknown> => {
      const body = script.replace(/^#!lua[^\n]*\n/, '');
      ownHash.set(sha1(script), sha1(body));
      return redis.eval(body, keys.length, ...keys, ...strings(args));
    },
  };
}

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
  return {
    client: {
      ...upstashScriptRunner(redis),
      get: (key) => redis.get(key),
      set: (key, value) => redis.set(key, String(value)),
    },
    quit: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
