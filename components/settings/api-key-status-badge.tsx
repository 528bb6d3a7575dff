// A key's state as a labelled badge; colour repeats the word, never replaces it.
import type { ApiKeyStatus } from '@/lib/auth/api-keys';

const styles: Record<ApiKeyStatus, string> = {
  active:
    'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/40 dark:text-emerald-300 dark:ring-emerald-900',
  expired:
    'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/40 dark:text-amber-300 dark:ring-amber-900',
  revoked:
    'bg-neutral-100 text-neutral-700 ring-neutral-200 dark:bg-neutral-800 dark:text-neutral-300 dark:ring-neutral-700',
};

export function ApiKeyStatusBadge({ status }: { status: ApiKeyStatus }) {
  return (
    <span
      data-testid="api-key-status"
      className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[status]}`}
    >
      {status}
    </span>
  );
}
