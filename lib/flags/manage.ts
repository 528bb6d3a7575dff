// Admins' changes to flags, as the console's actions make them: the data layer checks the role and
// records each change with its audit event; this instance then reads the flags again at once, and
// every other instance within `flags.pollIntervalMs`.
import 'server-only';
import * as store from '@/lib/db/feature-flags';
import type { SessionUser } from '@/lib/db/users';
import { flagsChanged } from './flags';
import type { CreateFlagInput, FlagListsInput, UpdateFlagInput } from './schemas';

async function thenRefresh<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    flagsChanged();
  }
}

export const createFeatureFlag = (actor: SessionUser | null, input: CreateFlagInput, requestId?: string) =>
  thenRefresh(store.createFlag(actor, input, requestId));

export const updateFeatureFlag = (actor: SessionUser | null, input: UpdateFlagInput, requestId?: string) =>
  thenRefresh(store.updateFlag(actor, input, requestId));

export const toggleFeatureFlag = (
  actor: SessionUser | null,
  key: string,
  enabled: boolean,
  requestId?: string,
) => thenRefresh(store.setFlagEnabled(actor, key, enabled, requestId));

export const moveFeatureFlagStage = (
  actor: SessionUser | null,
  key: string,
  percent: number,
  requestId?: string,
) => thenRefresh(store.setFlagStage(actor, key, percent, requestId));

export const setFeatureFlagLists = (actor: SessionUser | null, input: FlagListsInput, requestId?: string) =>
  thenRefresh(store.setFlagLists(actor, input, requestId));
