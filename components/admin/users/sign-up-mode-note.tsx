// Who may create an account under this deployment's SIGNUP_MODE, said in a sentence.
import type { SignUpMode } from '@/lib/auth/sign-up';

const text: Record<SignUpMode, string> = {
  open: 'Sign-up is open: anyone who reaches /signup can create a user account.',
  invite: 'Sign-up is by invitation: only people with a link made here can create an account.',
  closed:
    'Sign-up is closed: nobody can create an account, invitation links included. Accounts are made with npm run user:create.',
};

export function SignUpModeNote({ mode }: { mode: SignUpMode }) {
  return (
    <p
      data-testid="signup-mode"
      data-mode={mode}
      className="rounded-lg border border-neutral-200 bg-neutral-50 px-3 py-2 text-sm text-neutral-700 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-300"
    >
      {text[mode]} <span className="text-neutral-500 dark:text-neutral-400">(setting SIGNUP_MODE)</span>
    </p>
  );
}
