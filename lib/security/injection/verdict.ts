// What the answer path does with a screening result, by the configured mode.
import { injection } from '@/lib/config';
import { AppError } from '@/lib/http/errors';
import type { ScreenResult } from './detector';

export type InjectionMode = 'block' | 'flag' | 'allow';

export type InjectionVerdict = {
  /** `block`: refuse; `flag`: answer and mark for review; `allow`: answer; `none`: nothing found. */
  action: 'block' | 'flag' | 'allow' | 'none';
  /** Log the result (every action but `none`). */
  log: boolean;
  /** Shown to the user when the action is `block`. */
  message?: string;
};

export const INJECTION_BLOCKED_MESSAGE =
  'This question looks like an attempt to change how the assistant behaves (a prompt injection), so it was not answered. Please rephrase it as a plain question about your documents.';

export function injectionVerdict(
  result: ScreenResult,
  mode: InjectionMode = injection.mode,
): InjectionVerdict {
  if (!result.flagged) return { action: 'none', log: false };
  if (mode === 'block') return { action: 'block', log: true, message: INJECTION_BLOCKED_MESSAGE };
  return { action: mode, log: true };
}

/** The error the answer path throws for `action: 'block'` on a question (400, code `injection_detected`). */
export function injectionBlockedError(result: ScreenResult): AppError {
  return new AppError('injection_detected', INJECTION_BLOCKED_MESSAGE, {
    score: result.score,
    categories: result.categories,
  });
}
