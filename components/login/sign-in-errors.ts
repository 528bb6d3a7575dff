// What the sign-in page says for the `error` a refused single sign-on comes back with: our own
// reasons (lib/auth/sign-up.ts) and next-auth's codes.
const messages: Record<string, string> = {
  signup_closed:
    'There is no account for this email, and sign-up is closed. Ask an administrator for an account.',
  no_invite: 'There is no account for this email. Ask an administrator for an invitation.',
  unverified_email:
    'Your identity provider has not verified this email address, so it cannot be used to sign in.',
  disabled: 'This account is disabled. Ask an administrator if you think this is a mistake.',
  SessionRequired: 'Please sign in to continue.',
};

const fallback =
  'Signing in with single sign-on did not work. Please try again, or use your email and password.';

/** The message for `?error=`; null when there is none. */
export function signInErrorMessage(code: string | string[] | undefined): string | null {
  const value = Array.isArray(code) ? code[0] : code;
  if (!value) return null;
  return messages[value] ?? fallback;
}
