// Rollouts the safeguard paused and rolled back, with its reason: shown on /admin/flags and on the
// flag's page until a person picks a stage again.
import Link from 'next/link';
import { formatDateTime } from '@/components/settings/format-date';

export type PausedFlag = { key: string; reason: string | null; at: string };

export function PausedBanner({ flags, linked = true }: { flags: PausedFlag[]; linked?: boolean }) {
  if (flags.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="flag-paused-banner"
      className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-900/70 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="font-semibold">
        {flags.length === 1 ? 'A rollout was paused' : `${flags.length} rollouts were paused`} by the
        safeguard
      </p>
      <ul className="space-y-1">
        {flags.map((flag) => (
          <li key={flag.key}>
            {linked ? (
              <Link href={`/admin/flags/${flag.key}`} className="font-mono underline underline-offset-2">
                {flag.key}
              </Link>
            ) : (
              <span className="font-mono">{flag.key}</span>
            )}{' '}
            · <time dateTime={flag.at}>{formatDateTime(flag.at)}</time>: {flag.reason}
          </li>
        ))}
      </ul>
      <p>Choosing a stage on the flag’s page ends the pause.</p>
    </div>
  );
}
