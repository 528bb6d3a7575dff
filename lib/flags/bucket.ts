// Deterministic bucketing: a user's bucket for a flag is a hash of the flag key and the user id,
// 0..99. A user is in a rollout of p % when their bucket is below p, so the same user always gets
// the same answer, and growing the rollout (25 % → 50 %) keeps everyone who was already in it.
import { createHash } from 'node:crypto';

/** The user's bucket for this flag, 0..99. Keyed by flag too, so each flag picks different users. */
export function bucketOf(flagKey: string, userId: string): number {
  const digest = createHash('sha256').update(`${flagKey}:${userId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

/** Whether a bucket falls inside a rollout of `percent` (0 takes nobody, 100 everybody). */
export function inRollout(bucket: number, percent: number): boolean {
  return bucket < percent;
}
