// What the flag pages hand their client components: plain, serialisable values.
import type { FlagKind, VariantValue } from '@/lib/flags/types';

export type FlagView = {
  key: string;
  kind: FlagKind;
  description: string;
  variants: Record<string, VariantValue>;
  defaultVariant: string;
  rolloutVariant: string;
  enabled: boolean;
  rolloutPercent: number;
  previousPercent: number | null;
  allowUsers: string[];
  denyUsers: string[];
  allowGroups: string[];
  denyGroups: string[];
  pausedAt: string | null;
  pausedReason: string | null;
  updatedAt: string;
};
