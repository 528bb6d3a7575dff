// Which bucket a request counts against: its API key, else its user, else its client IP.
import { rateLimits } from '@/lib/config';
import { clientIp } from './client-ip';
import type { RateLimitRule } from './types';

export type Caller = {
  user: { id: string } | null;
  apiKey: { id: string } | null;
  headers: Headers;
};

/** The bucket of a question: a key has its own (apart from its owner's), a user theirs, anyone else their IP's. */
export function questionBucket({ user, apiKey, headers }: Caller): { key: string; rule: RateLimitRule } {
  if (apiKey) return { key: `key:${apiKey.id}`, rule: rateLimits.questionPerApiKey };
  if (user) return { key: `user:${user.id}`, rule: rateLimits.questionPerUser };
  // Without an address every such caller shares one bucket: strict, but never unlimited.
  return { key: `ip:${clientIp(headers) ?? 'unknown'}`, rule: rateLimits.anonymousPerIp };
}
