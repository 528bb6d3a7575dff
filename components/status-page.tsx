// A full-page status message (404, 403): the code, what happened, and the way back to the chat.
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';

export function StatusPage({
  code,
  title,
  children,
}: {
  code: number;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 text-center">
      <div>
        <p className="font-mono text-sm text-neutral-500 dark:text-neutral-400">{code}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-2 text-neutral-600 dark:text-neutral-400">{children}</p>
        <Link href="/" className={buttonClasses('primary', 'md', 'mt-6')}>
          Back to the chat
        </Link>
      </div>
    </main>
  );
}
