'use client';
// Email and password sign-in through next-auth's credentials provider. A failure says only that the
// pair is wrong, never which half, so the form does not reveal which emails have accounts.
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';

const INCORRECT = 'Email or password is incorrect.';
const UNAVAILABLE = 'Signing in is not possible right now. Please try again in a moment.';

const inputClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-[15px] outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn<'credentials'>('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
        callbackUrl,
      });
      if (!result || result.error || !result.ok) {
        setError(INCORRECT);
        setPending(false);
        return;
      }
      router.replace(callbackUrl || '/');
      router.refresh();
    } catch {
      // signIn throws when the auth endpoint does not answer with JSON (server down or broken).
      setError(UNAVAILABLE);
      setPending(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-4">
      <div>
        <label htmlFor="login-email" className="text-sm font-medium">
          Email
        </label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          data-testid="login-email"
          aria-describedby={error ? 'login-error' : undefined}
          className={inputClasses}
        />
      </div>
      <div>
        <label htmlFor="login-password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          data-testid="login-password"
          aria-describedby={error ? 'login-error' : undefined}
          className={inputClasses}
        />
      </div>
      {error && (
        <p
          id="login-error"
          role="alert"
          data-testid="login-error"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <button
        type="submit"
        data-testid="login-submit"
        disabled={pending}
        className={buttonClasses('primary', 'md', 'w-full')}
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
