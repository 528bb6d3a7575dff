// Top bar shared by signed-in pages: product name, navigation, who is signed in, sign-out.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/sign-out-button';

type Role = 'USER' | 'ADMIN' | 'COMPLIANCE';

type SiteHeaderProps = {
  user: { email: string; role: Role };
  current: 'chat' | 'admin' | 'settings' | 'usage';
  /** Shown beside the product name, e.g. which models answer. */
  children?: ReactNode;
};

export function SiteHeader({ user, current, children }: SiteHeaderProps) {
  const links = [
    { href: '/', label: 'Chat', key: 'chat' as const, show: true },
    { href: '/admin', label: 'Admin', key: 'admin' as const, show: user.role === 'ADMIN' },
    // Compliance officers reach only the audit log and, from its navigation, the GDPR tools.
    { href: '/admin/audit', label: 'Audit log', key: 'admin' as const, show: user.role === 'COMPLIANCE' },
  ].filter((link) => link.show);

  return (
    <header className="border-b border-neutral-200 bg-white/80 backdrop-blur dark:border-neutral-800 dark:bg-neutral-950/80">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <Logo />
          Ask the docs
        </Link>
        {children}
        <nav aria-label="Main" className="ml-auto flex items-center gap-1">
          {links.map((link) => (
            <Link
              key={link.key}
              href={link.href}
              aria-current={current === link.key ? 'page' : undefined}
              className="rounded-md px-2.5 py-1.5 text-sm text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 aria-[current=page]:font-medium aria-[current=page]:text-neutral-900 dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-neutral-100 dark:aria-[current=page]:text-neutral-100"
            >
              {link.label}
            </Link>
          ))}
          <span className="mx-2 hidden h-5 w-px bg-neutral-200 sm:block dark:bg-neutral-800" aria-hidden />
          <span className="hidden max-w-[16rem] truncate text-sm text-neutral-600 sm:inline dark:text-neutral-400">
            <span className="sr-only">Signed in as </span>
            {user.email}
            {user.role !== 'USER' && (
              <span className="ml-2 rounded bg-neutral-100 px-1.5 py-0.5 text-[11px] font-medium tracking-wide text-neutral-700 uppercase dark:bg-neutral-800 dark:text-neutral-300">
                {user.role.toLowerCase()}
              </span>
            )}
          </span>
          <Link
            href="/settings/keys"
            aria-current={current === 'settings' ? 'page' : undefined}
            data-testid="settings-keys-link"
            className="rounded-md px-2.5 py-1.5 text-sm text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 aria-[current=page]:font-medium aria-[current=page]:text-neutral-900 dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-neutral-100 dark:aria-[current=page]:text-neutral-100"
          >
            API keys
          </Link>
          <Link
            href="/settings/usage"
            aria-current={current === 'usage' ? 'page' : undefined}
            data-testid="settings-usage-link"
            className="rounded-md px-2.5 py-1.5 text-sm text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 aria-[current=page]:font-medium aria-[current=page]:text-neutral-900 dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-neutral-100 dark:aria-[current=page]:text-neutral-100"
          >
            Usage
          </Link>
          <SignOutButton />
        </nav>
      </div>
    </header>
  );
}

function Logo() {
  return (
    <span
      aria-hidden
      className="grid size-7 place-items-center rounded-lg bg-neutral-900 text-white dark:bg-neutral-100 dark:text-neutral-900"
    >
      <svg viewBox="0 0 20 20" fill="currentColor" className="size-4">
        <path d="M4 3.5A1.5 1.5 0 0 1 5.5 2h6.379a1.5 1.5 0 0 1 1.06.44l2.622 2.62A1.5 1.5 0 0 1 16 6.122V16.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 4 16.5v-13ZM7 9.25a.75.75 0 0 0 0 1.5h6a.75.75 0 0 0 0-1.5H7Zm0 3a.75.75 0 0 0 0 1.5h4a.75.75 0 0 0 0-1.5H7Z" />
      </svg>
    </span>
  );
}
