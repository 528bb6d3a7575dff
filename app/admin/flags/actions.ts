'use server';
// The flag pages' changes, each through action(): admins only, input parsed with the shared
// schemas; the data layer checks the role again and records each change with its audit event.
import {
  createFeatureFlag,
  moveFeatureFlagStage,
  setFeatureFlagLists,
  toggleFeatureFlag,
  updateFeatureFlag,
} from '@/lib/flags/manage';
import {
  createFlagInput,
  flagListsInput,
  flagStageInput,
  flagToggleInput,
  updateFlagInput,
} from '@/lib/flags/schemas';
import { action } from '@/lib/http/action';

const admins = ['ADMIN'] as const;

export const createFlag = action(
  { name: 'flags.create', roles: admins, input: createFlagInput },
  async ({ user, input, requestId }) => {
    const flag = await createFeatureFlag(user, input, requestId);
    return { key: flag.key };
  },
);

export const updateFlag = action(
  { name: 'flags.update', roles: admins, input: updateFlagInput },
  async ({ user, input, requestId }) => {
    await updateFeatureFlag(user, input, requestId);
    return { key: input.key };
  },
);

export const toggleFlag = action(
  { name: 'flags.toggle', roles: admins, input: flagToggleInput },
  async ({ user, input, requestId }) => {
    await toggleFeatureFlag(user, input.key, input.enabled, requestId);
    return { enabled: input.enabled };
  },
);

export const setFlagStage = action(
  { name: 'flags.stage', roles: admins, input: flagStageInput },
  async ({ user, input, requestId }) => {
    await moveFeatureFlagStage(user, input.key, input.percent, requestId);
    return { percent: input.percent };
  },
);

export const setFlagLists = action(
  { name: 'flags.lists', roles: admins, input: flagListsInput },
  async ({ user, input, requestId }) => {
    await setFeatureFlagLists(user, input, requestId);
    return { key: input.key };
  },
);
