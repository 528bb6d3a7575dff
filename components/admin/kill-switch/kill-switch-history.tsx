// The switch's recent changes from the audit trail: who (or the error-rate trip), when and why.
import { formatDateTime } from '@/components/settings/format-date';
import type { KillSwitchEventView } from './types';

const labels: Record<KillSwitchEventView['action'], string> = {
  'kill_switch.engaged': 'Paused',
  'kill_switch.tripped': 'Paused automatically',
  'kill_switch.released': 'Resumed',
};

export function KillSwitchHistory({ events }: { events: KillSwitchEventView[] }) {
  return (
    <section aria-labelledby="kill-switch-history-heading" className="space-y-3">
      <h2 id="kill-switch-history-heading" className="text-lg font-semibold tracking-tight">
        History
      </h2>
      {events.length === 0 ? (
        <p data-testid="kill-switch-history-empty" className="text-sm text-neutral-600 dark:text-neutral-400">
          The switch has never been used.
        </p>
      ) : (
        <ol
          data-testid="kill-switch-history"
          className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
        >
          {events.map((event) => (
            <li key={event.seq} data-testid="kill-switch-event" className="space-y-0.5 px-3 py-2.5 text-sm">
              <p>
                <span className="font-medium">{labels[event.action]}</span>
                <span className="text-neutral-600 dark:text-neutral-400">
                  {' '}
                  by {event.by ? event.by.email : 'the error-rate trip'} ·{' '}
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                </span>
              </p>
              {event.reason && <p className="text-neutral-700 dark:text-neutral-300">{event.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
