// Sign-in page. Someone already signed in goes straight on to where they were heading.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/login/login-form';
import { safeCallbackUrl } from '@/components/login/safe-callback-url';
import { signInErrorMessage } from '@/components/login/sign-in-errors';
import { SsoButton } from '@/components/login/sso-button';
import { oidcProvider } from '@/lib/auth/options';
import { getSessionUser } from '@/lib/auth/session';
import { signUpMode } from '@/lib/auth/sign-up';

// Per-request: depends on the session cookie.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sign in' };

type LoginPageProps = {
  searchParams: Promise<{ [key: string]: string | string[] | undefined }>;
};

export default async function LoginPage(props: LoginPageProps) {
  const searchParams = await props.searchParams;
  const callbackUrl = safeCallbackUrl(searchParams.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  // A refused single sign-on comes back here with ?error= (lib/auth/options.ts).
  const error = signInErrorMessage(searchParams.error);
  const sso = oidcProvider();

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
          {error && (
            <p
              role="alert"
              data-testid="sign-in-error"
              className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
            >
              {error}
            </p>
          )}
          {sso && (
            <>
              <SsoButton providerId={sso.id} name={sso.name} callbackUrl={callbackUrl} />
              <p className="my-4 flex items-center gap-3 text-xs text-neutral-500 before:h-px before:flex-1 before:bg-neutral-200 after:h-px after:flex-1 after:bg-neutral-200 dark:before:bg-neutral-800 dark:after:bg-neutral-800">
                or with your email
              </p>
            </>
          )}
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
