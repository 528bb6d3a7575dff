// Why there is no form: sign-up closed, invitation-only without a link, or a link that no longer works.
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';

export function SignUpNotice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div data-testid="signup-notice" className="space-y-3">
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">{children}</p>
      <Link href="/login" className={buttonClasses('secondary', 'md', 'w-full')}>
        Back to sign in
      </Link>
    </div>
  );
}
