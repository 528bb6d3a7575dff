'use server';
// The kill switch page's changes, each through action(): admin only, a reason required; the data
// layer checks the role again and records the audit event with the change.
import { pauseAnswers, resumeAnswers } from '@/lib/governance/kill-switch';
import { killSwitchChangeInput } from '@/lib/governance/kill-switch-schemas';
import { action } from '@/lib/http/action';

const admins = ['ADMIN'] as const;

export const engageKillSwitch = action(
  { name: 'kill-switch.engage', roles: admins, input: killSwitchChangeInput },
  async ({ user, input, requestId }) => {
    await pauseAnswers(user, input.reason, requestId);
    return { engaged: true };
  },
);

export const releaseKillSwitch = action(
  { name: 'kill-switch.release', roles: admins, input: killSwitchChangeInput },
  async ({ user, input, requestId }) => {
    await resumeAnswers(user, input.reason, requestId);
    return { engaged: false };
  },
);
