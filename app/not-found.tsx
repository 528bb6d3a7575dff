// 404 page: says plainly that the page is not here and offers the way back.
import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 text-center">
      <div>
        <p className="font-mono text-sm text-neutral-500 dark:text-neutral-400">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="mt-2 text-neutral-600 dark:text-neutral-400">
          The page you were looking for does not exist or has moved.
        </p>
        <Link href="/" className={buttonClasses('primary', 'md', 'mt-6')}>
          Back to the chat
        </Link>
      </div>
    </main>
  );
}
