// A stored flag as the flag pages show it: dates as ISO strings, listed users by email where known.
import type { StoredFlag } from '@/lib/db/feature-flags';
import type { FlagView } from './types';

export function toFlagView(flag: StoredFlag, emails: Map<string, string> = new Map()): FlagView {
  const named = (ids: string[]) => ids.map((id) => emails.get(id) ?? id);
  return {
    key: flag.key,
    kind: flag.kind,
    description: flag.description,
    variants: flag.variants,
    defaultVariant: flag.defaultVariant,
    rolloutVariant: flag.rolloutVariant,
    enabled: flag.enabled,
    rolloutPercent: flag.rolloutPercent,
    previousPercent: flag.previousPercent,
    allowUsers: named(flag.allowUserIds),
    denyUsers: named(flag.denyUserIds),
    allowGroups: flag.allowGroups,
    denyGroups: flag.denyGroups,
    pausedAt: flag.pausedAt?.toISOString() ?? null,
    pausedReason: flag.pausedReason,
    updatedAt: flag.updatedAt.toISOString(),
  };
}
