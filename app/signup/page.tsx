// Sign-up page, by SIGNUP_MODE: closed says so; invite needs a working ?invite= link (its email is
// fixed); open asks for an email too. Someone already signed in goes straight on to the chat.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { SignUpForm } from '@/components/signup/sign-up-form';
import { SignUpNotice } from '@/components/signup/sign-up-notice';
import { auth } from '@/lib/config';
import { getSessionUser } from '@/lib/auth/session';
import { signUpMode } from '@/lib/auth/sign-up';
import { findUsableInvite } from '@/lib/db/invites';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Create an account' };

const params = z.object({ invite: z.string().max(200).optional().catch(undefined) });

type SignUpPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage(props: SignUpPageProps) {
  if (await getSessionUser()) redirect('/');
  const raw = (await props.searchParams).invite;
  const { invite: token } = params.parse({ invite: Array.isArray(raw) ? raw[0] : raw });
  const mode = signUpMode();
  const invite = mode !== 'closed' && token ? await findUsableInvite(token) : null;

  return (
    <main id="main" className="grid min-h-dvh place-items-center bg-neutral-50 px-4 py-8 dark:bg-neutral-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Create an account</h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            Ask questions about your organisation&apos;s documents.
          </p>
        </div>
        <div className="rounded-2xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900">
          {mode === 'closed' ? (
            <SignUpNotice title="Sign-up is closed">
              New accounts are not being created here. Ask an administrator for an account.
            </SignUpNotice>
          ) : token && !invite ? (
            <SignUpNotice title="This invitation link does not work">
              It may have expired, been used already or been revoked. Ask the administrator who invited you
              for a new link.
            </SignUpNotice>
          ) : mode === 'invite' && !invite ? (
            <SignUpNotice title="Sign-up is by invitation">
              Open the invitation link an administrator sent you. If you have none, ask an administrator.
            </SignUpNotice>
          ) : (
            <SignUpForm
              minPasswordLength={auth.minPasswordLength}
              invite={invite && token ? { token, email: invite.email } : undefined}
            />
          )}
        </div>
        <p className="mt-4 text-center text-sm text-neutral-600 dark:text-neutral-400">
          Already have an account?{' '}
          <Link
            href="/login"
            className="font-medium text-neutral-900 underline underline-offset-2 dark:text-neutral-100"
          >
            Sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
