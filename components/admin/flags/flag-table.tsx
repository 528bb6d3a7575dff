// Every flag: kind, on or off, rollout stage and whether the safeguard paused it; each opens its page.
import Link from 'next/link';
import type { FlagView } from './types';

const cell = 'px-3 py-2 text-left align-top';

export function FlagTable({ flags }: { flags: FlagView[] }) {
  if (flags.length === 0)
    return (
      <p data-testid="flags-empty" className="text-sm text-neutral-600 dark:text-neutral-400">
        No flags yet: every part of the pipeline runs as configured.
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-xl border border-neutral-200 dark:border-neutral-800">
      <table data-testid="flags-table" className="w-full text-sm">
        <thead className="bg-neutral-50 text-xs text-neutral-600 uppercase dark:bg-neutral-900 dark:text-neutral-400">
          <tr>
            <th className={cell}>Flag</th>
            <th className={cell}>Kind</th>
            <th className={cell}>State</th>
            <th className={cell}>Rollout</th>
            <th className={cell}>Served</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {flags.map((flag) => (
            <tr key={flag.key} data-testid="flag-row" data-key={flag.key}>
              <td className={cell}>
                <Link
                  href={`/admin/flags/${flag.key}`}
                  className="font-mono font-medium underline-offset-2 hover:underline"
                >
                  {flag.key}
                </Link>
                {flag.description && (
                  <p className="mt-0.5 text-xs text-neutral-600 dark:text-neutral-400">{flag.description}</p>
                )}
              </td>
              <td className={cell}>{flag.kind === 'BOOLEAN' ? 'Boolean' : 'Variant'}</td>
              <td className={cell}>
                {flag.enabled ? 'On' : 'Off'}
                {flag.pausedAt && (
                  <span className="ml-1 font-medium text-amber-700 dark:text-amber-300">· paused</span>
                )}
              </td>
              <td className={`${cell} tabular-nums`} data-testid="flag-row-percent">
                {flag.rolloutPercent} %
              </td>
              <td className={cell}>
                <span className="font-mono text-xs">{flag.rolloutVariant}</span> to the rollout,{' '}
                <span className="font-mono text-xs">{flag.defaultVariant}</span> to everyone else
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
