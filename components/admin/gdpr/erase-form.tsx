'use client';
// Erasure: the officer types the person's email to confirm; the server checks it again, erases in one
// transaction and the page returns to the request history, which now shows the erasure.
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { eraseGdprSubject } from '@/app/admin/gdpr/actions';
import { actionErrorMessage, callAction } from '@/components/admin/users/action-error';
import { buttonClasses } from '@/components/ui/button-styles';
import type { HoldingsView, SubjectView } from './types';

export function EraseForm({ subject, holdings }: { subject: SubjectView; holdings: HoldingsView }) {
  const router = useRouter();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const matches = typed.trim().toLowerCase() === subject.email.toLowerCase();

  const erase = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await callAction(() => eraseGdprSubject({ userId: subject.id, confirmEmail: typed }));
      if (!result.ok) return setError(actionErrorMessage(result));
      router.replace(`/admin/gdpr?erased=${encodeURIComponent(result.data.requestRowId)}`);
    });
  };

  return (
    <section
      aria-labelledby="gdpr-erase"
      className="space-y-3 rounded-xl border border-red-200 p-5 dark:border-red-900"
    >
      <h2 id="gdpr-erase" className="text-lg font-semibold">
        Erase this person
      </h2>
      <p className="max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
        Deletes their account, conversations, API keys, sessions, invitations, feedback and review items, the
        text of their questions and every cached answer derived from them, and the documents they uploaded
        with their passages and vectors. Their query logs stay without text or name, for the service&apos;s
        totals; the audit trail keeps their events under a pseudonym. This cannot be undone.
      </p>
      {holdings.sharedDocuments > 0 && (
        <p
          role="note"
          className="text-sm font-medium text-red-700 dark:text-red-400"
          data-testid="gdpr-shared-warning"
        >
          {holdings.sharedDocuments === 1
            ? '1 shared document they uploaded'
            : `${holdings.sharedDocuments} shared documents they uploaded`}{' '}
          will be deleted for everyone. Upload it again from another account first to keep it.
        </p>
      )}
      <form onSubmit={erase} className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
        <div>
          <label htmlFor={inputId} className="text-sm font-medium">
            Type <span className="font-mono">{subject.email}</span> to confirm
          </label>
          <input
            id={inputId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={320}
            data-testid="gdpr-erase-confirm"
            className="mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100"
          />
        </div>
        <button
          type="submit"
          disabled={!matches || pending}
          data-testid="gdpr-erase-submit"
          className={buttonClasses(
            'primary',
            'md',
            'bg-red-700 hover:bg-red-800 disabled:hover:bg-red-700 dark:bg-red-600 dark:text-white dark:hover:bg-red-500',
          )}
        >
          {pending ? 'Erasing…' : 'Erase permanently'}
        </button>
      </form>
      <p role="alert" data-testid="gdpr-erase-error" className="text-sm text-red-700 dark:text-red-400">
        {error}
      </p>
    </section>
  );
}
