// A flag's changes from the audit trail: who (or the safeguard), when, and what changed.
import { formatDateTime } from '@/components/settings/format-date';
import type { FlagEvent, FlagAction } from '@/lib/db/feature-flags';

const labels: Record<FlagAction, string> = {
  'flag.created': 'Created',
  'flag.updated': 'Settings changed',
  'flag.enabled': 'Turned on',
  'flag.disabled': 'Turned off',
  'flag.stage_changed': 'Stage changed',
  'flag.lists_changed': 'Lists changed',
  'flag.rolled_back': 'Paused and rolled back',
};

function stage(event: FlagEvent): string | null {
  const before = (event.metadata.before ?? {}) as { rolloutPercent?: number };
  const after = (event.metadata.after ?? {}) as { rolloutPercent?: number };
  if (after.rolloutPercent === undefined) return null;
  return `${before.rolloutPercent ?? '?'} % → ${after.rolloutPercent} %`;
}

export function FlagHistory({ events }: { events: FlagEvent[] }) {
  return (
    <section aria-labelledby="flag-history-heading" className="space-y-3">
      <h2 id="flag-history-heading" className="text-lg font-semibold tracking-tight">
        History
      </h2>
      <ol
        data-testid="flag-history"
        className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
      >
        {events.map((event) => (
          <li key={event.seq} data-testid="flag-event" className="space-y-0.5 px-3 py-2.5 text-sm">
            <p>
              <span className="font-medium">{labels[event.action] ?? event.action}</span>
              {stage(event) && <span className="tabular-nums"> {stage(event)}</span>}
              <span className="text-neutral-600 dark:text-neutral-400">
                {' '}
                by {event.by ?? 'the safeguard'} ·{' '}
                <time dateTime={event.at.toISOString()}>{formatDateTime(event.at.toISOString())}</time>
              </span>
            </p>
            {event.reason && <p className="text-neutral-700 dark:text-neutral-300">{event.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
