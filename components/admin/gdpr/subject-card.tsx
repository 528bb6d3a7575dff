// The person found: who they are and what the service holds about them, with the export download.
import { formatInteger, formatTime } from '@/components/admin/format';
import { buttonClasses } from '@/components/ui/button-styles';
import type { HoldingsView, SubjectView } from './types';

const rows: Array<[keyof HoldingsView, string]> = [
  ['conversations', 'Conversations'],
  ['messages', 'Messages'],
  ['queryLogs', 'Questions asked (query logs)'],
  ['feedback', 'Feedback given'],
  ['documents', 'Documents uploaded'],
  ['apiKeys', 'API keys'],
  ['sessions', 'Sign-in sessions'],
  ['invitations', 'Invitations'],
  ['reviewItems', 'Review items about their questions'],
  ['auditEvents', 'Audit events about them'],
];

export function SubjectCard({ subject, holdings }: { subject: SubjectView; holdings: HoldingsView }) {
  return (
    <section
      aria-labelledby="gdpr-subject"
      data-testid="gdpr-subject"
      className="space-y-4 rounded-xl border border-neutral-200 p-5 dark:border-neutral-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="gdpr-subject" className="text-lg font-semibold" data-testid="gdpr-subject-email">
            {subject.email}
          </h2>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            {subject.name ? `${subject.name} · ` : ''}
            {subject.role.toLowerCase()}
            {subject.disabled ? ' · disabled' : ''} · user id <code>{subject.id}</code> · since{' '}
            {formatTime(new Date(subject.createdAt))} UTC
          </p>
        </div>
        <a
          href={`/api/admin/gdpr/export?user=${encodeURIComponent(subject.id)}`}
          download
          data-testid="gdpr-export"
          className={buttonClasses('primary', 'sm')}
        >
          Export JSON
        </a>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {rows.map(([key, label]) => (
          <div
            key={key}
            className="flex justify-between gap-3 border-b border-neutral-100 py-1 dark:border-neutral-900"
          >
            <dt className="text-neutral-600 dark:text-neutral-400">{label}</dt>
            <dd className="tabular-nums" data-testid={`gdpr-holding-${key}`}>
              {formatInteger(holdings[key])}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
