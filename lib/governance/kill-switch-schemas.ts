// What a person sends to engage or release the kill switch: a reason, required (shared by the form
// and the server action).
import { z } from 'zod';
import { killSwitch } from '@/lib/config';

export const killSwitchReason = z
  .string()
  .trim()
  .min(killSwitch.reasonMinChars, `Give a reason of at least ${killSwitch.reasonMinChars} characters.`)
  .max(killSwitch.reasonMaxChars, `Keep the reason under ${killSwitch.reasonMaxChars + 1} characters.`);

export const killSwitchChangeInput = z.object({ reason: killSwitchReason });
