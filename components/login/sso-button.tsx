'use client';
// Single sign-on through the configured OpenID Connect provider (OIDC_* settings).
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';

export function SsoButton({
  providerId,
  name,
  callbackUrl,
}: {
  providerId: string;
  name: string;
  callbackUrl: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      data-testid="sso-sign-in"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl });
      }}
      className={buttonClasses('secondary', 'md', 'w-full')}
    >
      {pending ? 'Redirecting…' : `Continue with ${name}`}
    </button>
  );
}
