'use client';
// Ends the next-auth session and returns to the sign-in page.
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';

export function SignOutButton() {
  const [pending, setPending] = useState(false);

  return (
    <button
      type="button"
      data-testid="sign-out"
      className={buttonClasses('ghost', 'sm')}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: '/login' });
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
