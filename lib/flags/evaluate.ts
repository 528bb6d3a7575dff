// Which variant of a flag a user gets, from the flag alone (no I/O): the flag's switch, then the
// deny and allow lists (a user's own entry before their group's, deny before allow), then the
// rollout by bucket. Everyone not taken into the rollout gets the default variant.
import { bucketOf, inRollout } from './bucket';
import type { FlagKind, VariantValue } from './types';

export { BOOLEAN_VARIANTS, type FlagKind, type VariantValue } from './types';

/** A flag as evaluation needs it (the stored row minus bookkeeping). */
export type FlagDefinition = {
  key: string;
  kind: FlagKind;
  /** Variant name → value. */
  variants: Record<string, VariantValue>;
  /** Served to everyone outside the rollout, and to all while the flag is off. */
  defaultVariant: string;
  /** Served to the users inside the rollout. */
  rolloutVariant: string;
  enabled: boolean;
  rolloutPercent: number;
  allowUserIds: string[];
  denyUserIds: string[];
  allowGroups: string[];
  denyGroups: string[];
};

/** Who is asking: the user id buckets them, the group matches the group lists. */
export type FlagContext = { userId?: string | null; group?: string | null };

export type EvaluationReason =
  | 'DISABLED'
  | 'DENIED_USER'
  | 'ALLOWED_USER'
  | 'DENIED_GROUP'
  | 'ALLOWED_GROUP'
  | 'IN_ROLLOUT'
  | 'OUTSIDE_ROLLOUT'
  | 'NO_USER';

export type Evaluation = {
  variant: string;
  value: VariantValue;
  /** Whether the user got the rollout variant. */
  inRollout: boolean;
  reason: EvaluationReason;
  /** The user's bucket (0..99); null without a user id. */
  bucket: number | null;
};

export function evaluateFlag(flag: FlagDefinition, context: FlagContext): Evaluation {
  const userId = context.userId || null;
  const group = context.group || null;
  const bucket = userId ? bucketOf(flag.key, userId) : null;
  const serve = (inside: boolean, reason: EvaluationReason): Evaluation => {
    const variant = inside ? flag.rolloutVariant : flag.defaultVariant;
    return { variant, value: flag.variants[variant] ?? false, inRollout: inside, reason, bucket };
  };
  if (!flag.enabled) return serve(false, 'DISABLED');
  if (userId && flag.denyUserIds.includes(userId)) return serve(false, 'DENIED_USER');
  if (userId && flag.allowUserIds.includes(userId)) return serve(true, 'ALLOWED_USER');
  if (group && flag.denyGroups.includes(group)) return serve(false, 'DENIED_GROUP');
  if (group && flag.allowGroups.includes(group)) return serve(true, 'ALLOWED_GROUP');
  // Without a user there is nothing to bucket by: only a full rollout includes them.
  if (bucket === null) return serve(flag.rolloutPercent >= 100, 'NO_USER');
  const inside = inRollout(bucket, flag.rolloutPercent);
  return serve(inside, inside ? 'IN_ROLLOUT' : 'OUTSIDE_ROLLOUT');
}

/** Whether a flag's evaluation depends on the user's group (so the group must be read first). */
export function usesGroups(flag: FlagDefinition): boolean {
  return flag.enabled && (flag.allowGroups.length > 0 || flag.denyGroups.length > 0);
}
