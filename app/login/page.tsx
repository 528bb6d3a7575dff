// Sign-in page. Someone already signed in goes straight on to where they were heading.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/login/login-form';
import { safeCallbackUrl } from '@/components/login/safe-callback-url';
import { getSessionUser } from '@/lib/auth/session';
import { signUpMode } from '@/lib/auth/sign-up';

// Per-request: depends on the session cookie.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sign in' };

type LoginPageProps = {
  searchParams: Promise<{ [key: string]: string | string[] | undefined }>;
};

export default async function LoginPage(props: LoginPageProps) {
  const callbackUrl = safeCallbackUrl((await props.searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);

  return (
    <main id="main" className="grid min-h-dvh place-items-center bg-neutral-50 px-4 dark:bg-neutral-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Ask the docs</h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            Sign in to ask questions about your organisation&apos;s documents.
          </p>
        </div>
        <div className="rounded-2xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900">
          <LoginForm callbackUrl={callbackUrl} />
        </div>
        {/* Only an open sign-up is offered here; invitees arrive with their own link. */}
        {signUpMode() === 'open' && (
          <p className="mt-4 text-center text-sm text-neutral-600 dark:text-neutral-400">
            No account yet?{' '}
            <Link
              href="/signup"
              data-testid="signup-link"
              className="font-medium text-neutral-900 underline underline-offset-2 dark:text-neutral-100"
            >
              Create one
            </Link>
          </p>
        )}
      </div>
    </main>
  );
}
