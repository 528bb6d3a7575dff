'use client';
// Creating an account: email (fixed by an invitation), name, password twice. The server creates the
// user as the sign-up mode allows, then the browser signs in with the same email and password.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useId, useState, type FormEvent } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';
import { userLimits } from '@/lib/auth/user-limits';

const inputClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-[15px] outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 read-only:bg-neutral-100 read-only:text-neutral-700 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100 dark:read-only:bg-neutral-800 dark:read-only:text-neutral-300';

type SignUpFormProps = {
  minPasswordLength: number;
  /** An invitation's token and address: the email is fixed to it. */
  invite?: { token: string; email: string };
};

type Failure = { message: string; signInInstead?: boolean };

async function createAccount(body: Record<string, string | undefined>): Promise<Failure | null> {
  let response: Response;
  try {
    response = await fetch('/api/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { message: 'The request did not reach the server. Check the connection and try again.' };
  }
  if (response.ok) return null;
  const message = ((await response.json().catch(() => null)) as { error?: { message?: string } } | null)
    ?.error?.message;
  return { message: message || `The server answered ${response.status}. Please try again.` };
}

export function SignUpForm({ minPasswordLength, invite }: SignUpFormProps) {
  const router = useRouter();
  const [error, setError] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  const ids = {
    email: useId(),
    name: useId(),
    password: useId(),
    confirm: useId(),
    hint: useId(),
    error: useId(),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = invite?.email ?? String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? ''))
      return setError({ message: 'The two passwords are not the same.' });
    setPending(true);
    setError(null);
    const failure = await createAccount({
      ...(invite ? { inviteToken: invite.token } : { email }),
      name: String(form.get('name') ?? '').trim() || undefined,
      password,
    });
    if (failure) {
      setError(failure);
      setPending(false);
      return;
    }
    try {
      const result = await signIn<'credentials'>('credentials', {
        email,
        password,
        redirect: false,
        callbackUrl: '/',
      });
      if (!result?.ok || result.error) throw new Error('sign-in failed');
      router.replace('/');
      router.refresh();
    } catch {
      setError({ message: 'Your account is ready, but signing in failed.', signInInstead: true });
      setPending(false);
    }
  }

  const describedBy = (...extra: string[]) =>
    [...extra, error ? ids.error : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="space-y-4" data-testid="signup-form">
      <div>
        <label htmlFor={ids.email} className="text-sm font-medium">
          Email
        </label>
        <input
          id={ids.email}
          name="email"
          type="email"
          autoComplete="email"
          required
          readOnly={Boolean(invite)}
          defaultValue={invite?.email}
          maxLength={userLimits.emailMaxChars}
          autoFocus={!invite}
          data-testid="signup-email"
          aria-describedby={describedBy()}
          className={inputClasses}
        />
        {invite && (
          <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
            The invitation is for this address.
          </p>
        )}
      </div>
      <div>
        <label htmlFor={ids.name} className="text-sm font-medium">
          Name <span className="font-normal text-neutral-500 dark:text-neutral-400">(optional)</span>
        </label>
        <input
          id={ids.name}
          name="name"
          autoComplete="name"
          maxLength={userLimits.nameMaxChars}
          autoFocus={Boolean(invite)}
          data-testid="signup-name"
          className={inputClasses}
        />
      </div>
      <div>
        <label htmlFor={ids.password} className="text-sm font-medium">
          Password
        </label>
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          maxLength={userLimits.passwordMaxChars}
          data-testid="signup-password"
          aria-describedby={describedBy(ids.hint)}
          className={inputClasses}
        />
        <p id={ids.hint} className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
          At least {minPasswordLength} characters.
        </p>
      </div>
      <div>
        <label htmlFor={ids.confirm} className="text-sm font-medium">
          Confirm password
        </label>
        <input
          id={ids.confirm}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          maxLength={userLimits.passwordMaxChars}
          data-testid="signup-confirm"
          aria-describedby={describedBy()}
          className={inputClasses}
        />
      </div>
      {error && (
        <p
          id={ids.error}
          role="alert"
          data-testid="signup-error"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
        >
          {error.message}{' '}
          {error.signInInstead && (
            <Link href="/login" className="font-medium underline underline-offset-2">
              Sign in
            </Link>
          )}
        </p>
      )}
      <button
        type="submit"
        data-testid="signup-submit"
        disabled={pending}
        className={buttonClasses('primary', 'md', 'w-full')}
      >
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
