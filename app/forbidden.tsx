// 403 page: shown when a signed-in user opens a page their role does not allow.
import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';

export const metadata: Metadata = { title: 'Access denied' };

export default function Forbidden() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 text-center">
      <div>
        <p className="font-mono text-sm text-neutral-500 dark:text-neutral-400">403</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Access denied</h1>
        <p className="mt-2 text-neutral-600 dark:text-neutral-400">
          Your account does not have access to this page. Ask an administrator if you need it.
        </p>
        <Link href="/" className={buttonClasses('primary', 'md', 'mt-6')}>
          Back to the chat
        </Link>
      </div>
    </main>
  );
}
