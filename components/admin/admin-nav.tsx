// The admin console's sections, shown under the site header on every admin page: those the viewer's
// role may open (compliance officers see only the audit log and the GDPR tools).
import Link from 'next/link';

type ConsoleRole = 'ADMIN' | 'COMPLIANCE' | 'USER';

const adminOnly: readonly ConsoleRole[] = ['ADMIN'];
const auditors: readonly ConsoleRole[] = ['ADMIN', 'COMPLIANCE'];

const sections = [
  { href: '/admin', label: 'Overview', key: 'overview', roles: adminOnly },
  { href: '/admin/queries', label: 'Queries', key: 'queries', roles: adminOnly },
  { href: '/admin/review', label: 'Review', key: 'review', roles: adminOnly },
  { href: '/admin/documents', label: 'Documents', key: 'documents', roles: adminOnly },
  { href: '/admin/retrieval', label: 'Why these sources', key: 'retrieval', roles: adminOnly },
  { href: '/admin/keys', label: 'API keys', key: 'keys', roles: adminOnly },
  { href: '/admin/users', label: 'Users', key: 'users', roles: adminOnly },
  { href: '/admin/flags', label: 'Flags', key: 'flags', roles: adminOnly },
  { href: '/admin/kill-switch', label: 'Kill switch', key: 'kill-switch', roles: adminOnly },
  { href: '/admin/fairness', label: 'Fairness', key: 'fairness', roles: adminOnly },
  { href: '/admin/audit', label: 'Audit log', key: 'audit', roles: auditors },
  { href: '/admin/gdpr', label: 'GDPR', key: 'gdpr', roles: auditors },
] as const;

export type AdminSection = (typeof sections)[number]['key'];

/** `role` defaults to ADMIN: the pages only admins open need not pass it. */
export function AdminNav({ current, role = 'ADMIN' }: { current: AdminSection; role?: ConsoleRole }) {
  const visible = sections.filter((section) => section.roles.includes(role));
  return (
    <nav aria-label="Admin" className="border-b border-neutral-200 dark:border-neutral-800">
      <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4">
        {visible.map((section) => (
          <li key={section.key}>
            <Link
              href={section.href}
              aria-current={current === section.key ? 'page' : undefined}
              className="-mb-px inline-block border-b-2 border-transparent px-3 py-2.5 text-sm whitespace-nowrap text-neutral-600 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-neutral-900 aria-[current=page]:border-neutral-900 aria-[current=page]:font-medium aria-[current=page]:text-neutral-900 dark:text-neutral-400 dark:hover:text-neutral-100 dark:focus-visible:outline-neutral-100 dark:aria-[current=page]:border-neutral-100 dark:aria-[current=page]:text-neutral-100"
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
