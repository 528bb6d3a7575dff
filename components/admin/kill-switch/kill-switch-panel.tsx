'use client';
// The switch itself: its state with who, when and why, and one big button that pauses or resumes
// every answer, after a required reason and a confirmation.
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { engageKillSwitch, releaseKillSwitch } from '@/app/admin/kill-switch/actions';
import { actionErrorMessage, callAction } from '@/components/admin/users/action-error';
import { buttonClasses } from '@/components/ui/button-styles';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatDateTime } from '@/components/settings/format-date';
import { killSwitch } from '@/lib/config';
import { killSwitchReason } from '@/lib/governance/kill-switch-schemas';
import type { KillSwitchView } from './types';

const danger = 'bg-red-700 hover:bg-red-800 dark:bg-red-600 dark:text-white dark:hover:bg-red-500';

function StateCard({ state }: { state: KillSwitchView }) {
  const who = state.automatic ? 'the error-rate trip' : (state.by?.email ?? 'an administrator');
  return (
    <div
      data-testid="kill-switch-state"
      data-engaged={state.engaged}
      className={
        state.engaged
          ? 'rounded-xl border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-900/70 dark:bg-red-950/40 dark:text-red-100'
          : 'rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 dark:border-emerald-900/70 dark:bg-emerald-950/40 dark:text-emerald-100'
      }
    >
      <p className="text-lg font-semibold">{state.engaged ? 'Answers are paused' : 'Answers are on'}</p>
      <p className="mt-1 text-sm">
        {state.engaged
          ? 'Chat and the API answer every question with 503 "service_paused" and the message below.'
          : 'Chat and the API answer questions normally.'}
      </p>
      {state.at && (
        <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{state.engaged ? 'Paused by' : 'Last changed by'}</dt>
          <dd data-testid="kill-switch-by">{who}</dd>
          <dt className="font-medium">When</dt>
          <dd>
            <time dateTime={state.at}>{formatDateTime(state.at)}</time>
          </dd>
          <dt className="font-medium">Why</dt>
          <dd data-testid="kill-switch-reason-shown" className="whitespace-pre-wrap">
            {state.reason ?? '(no reason recorded)'}
          </dd>
        </dl>
      )}
    </div>
  );
}

export function KillSwitchPanel({ state }: { state: KillSwitchView }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { reason: useId(), hint: useId(), error: useId() };
  const engage = !state.engaged;

  function askToConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = killSwitchReason.safeParse(reason);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Give a reason.');
    setError(null);
    setConfirming(true);
  }

  async function change() {
    setConfirming(false);
    setBusy(true);
    const result = await callAction(() => (engage ? engageKillSwitch : releaseKillSwitch)({ reason }));
    setBusy(false);
    if (!result.ok) return setError(actionErrorMessage(result));
    setReason('');
    startTransition(() => router.refresh());
  }

  return (
    <section aria-label="Kill switch" className="space-y-4">
      <StateCard state={state} />
      <form
        onSubmit={askToConfirm}
        noValidate
        data-testid="kill-switch-form"
        className="space-y-3 rounded-xl border border-neutral-200 p-4 dark:border-neutral-800"
      >
        <div>
          <label htmlFor={ids.reason} className="text-sm font-medium">
            {engage ? 'Why are you pausing answers?' : 'Why is it safe to resume?'}
          </label>
          <textarea
            id={ids.reason}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            minLength={killSwitch.reasonMinChars}
            maxLength={killSwitch.reasonMaxChars}
            rows={3}
            aria-describedby={`${ids.hint}${error ? ` ${ids.error}` : ''}`}
            aria-invalid={error ? true : undefined}
            data-testid="kill-switch-reason"
            className="mt-1 block w-full rounded-lg border border-neutral-300 bg-white px-3 py-2 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100"
          />
          <p id={ids.hint} className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
            {engage
              ? 'Required. Users see it in the paused message; it is kept in the audit trail.'
              : 'Required. Kept in the audit trail.'}{' '}
            {reason.trim().length}/{killSwitch.reasonMaxChars}
          </p>
        </div>
        {error && (
          <p
            id={ids.error}
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
          >
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          data-testid="kill-switch-toggle"
          className={buttonClasses(
            'primary',
            'md',
            `h-12 w-full text-base sm:w-auto sm:px-8 ${engage ? danger : ''}`,
          )}
        >
          {busy ? (engage ? 'Pausing…' : 'Resuming…') : engage ? 'Pause all answers' : 'Resume answers'}
        </button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={engage ? 'Pause all answers?' : 'Resume answers?'}
        confirmLabel={engage ? 'Pause answers' : 'Resume answers'}
        onConfirm={() => void change()}
        onCancel={() => setConfirming(false)}
      >
        {engage
          ? 'Every instance stops answering within seconds: chat and the API return 503 until a person resumes them.'
          : 'Every instance answers again within seconds. If the errors that tripped it are not fixed, it may trip again.'}
      </ConfirmDialog>
    </section>
  );
}
