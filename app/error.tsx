'use client';
// Error boundary for pages: a calm message and a retry. Details stay in the server logs; only the
// digest is shown so a report can be matched to them.
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';

type ErrorPageProps = {
  error: unknown;
  retry: () => void;
};

export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const digest =
    typeof error === 'object' && error !== null && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : undefined;

  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 text-center">
      <div role="alert">
        <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="mt-2 text-neutral-600 dark:text-neutral-400">
          This page could not be shown. Please try again; if it keeps happening, let your administrator know.
        </p>
        {digest && (
          <p className="mt-2 text-xs text-neutral-500 dark:text-neutral-400">
            Reference: <code className="font-mono">{digest}</code>
          </p>
        )}
        <div className="mt-6 flex justify-center gap-2">
          <button type="button" onClick={() => retry()} className={buttonClasses('primary', 'md')}>
            Try again
          </button>
          <Link href="/" className={buttonClasses('secondary', 'md')}>
            Go home
          </Link>
        </div>
      </div>
    </main>
  );
}
