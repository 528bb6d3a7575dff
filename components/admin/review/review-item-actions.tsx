'use client';
// One queued item's buttons: claim it, then approve or reject it with a required note (the note is
// kept on the item and as the audit event's reason). Rejecting asks for a confirmation first.
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { approveReview, claimReview, rejectReview } from '@/app/admin/review/actions';
import { actionErrorMessage, callAction } from '@/components/admin/users/action-error';
import { buttonClasses } from '@/components/ui/button-styles';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { review } from '@/lib/config';
import type { ActionResult } from '@/lib/http/action';
import { reviewNote } from '@/lib/review/review-schemas';
import type { ReviewItemView } from './types';

type Decision = 'approve' | 'reject';

export function ReviewItemActions({ item }: { item: ReviewItemView }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { note: useId(), hint: useId(), error: useId() };

  if (item.status !== 'PENDING') return null;
  const mayDecide = item.claimedByViewer || item.claimExpired;
  const mayClaim = !item.claimedBy || item.claimExpired || item.claimedByViewer;

  async function run(call: () => Promise<ActionResult<unknown>>) {
    setBusy(true);
    const result = await callAction(call);
    setBusy(false);
    if (!result.ok) return setError(actionErrorMessage(result));
    setError(null);
    setNote('');
    startTransition(() => router.refresh());
  }

  function askToDecide(decision: Decision) {
    const parsed = reviewNote.safeParse(note);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Write a note.');
    setError(null);
    setConfirming(decision);
  }

  function decide() {
    const decision = confirming;
    setConfirming(null);
    if (!decision) return;
    const call = decision === 'approve' ? approveReview : rejectReview;
    void run(() => call({ id: item.id, note }));
  }

  const errorBox = error && (
    <p
      id={ids.error}
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
    >
      {error}
    </p>
  );

  if (!item.claimedByViewer) {
    return (
      <div className="space-y-2">
        {mayClaim ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => claimReview({ id: item.id }))}
            data-testid="review-claim"
            className={buttonClasses('primary', 'sm')}
          >
            {busy ? 'Claiming…' : item.claimedBy ? 'Take over claim' : 'Claim'}
          </button>
        ) : null}
        {errorBox}
      </div>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        askToDecide('approve');
      }}
      noValidate
      data-testid="review-decision-form"
      className="space-y-2"
    >
      <div>
        <label htmlFor={ids.note} className="text-sm font-medium">
          Note on your decision
        </label>
        <textarea
          id={ids.note}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          required
          minLength={review.noteMinChars}
          maxLength={review.noteMaxChars}
          rows={3}
          aria-describedby={`${ids.hint}${error ? ` ${ids.error}` : ''}`}
          aria-invalid={error ? true : undefined}
          data-testid="review-note"
          className="mt-1 block w-full rounded-lg border border-neutral-300 bg-white px-3 py-2 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100"
        />
        <p id={ids.hint} className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
          Required, {review.noteMinChars}–{review.noteMaxChars} characters. Kept in the audit trail.{' '}
          {note.trim().length}/{review.noteMaxChars}
        </p>
      </div>
      {errorBox}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={busy || !mayDecide}
          data-testid="review-approve"
          className={buttonClasses('primary', 'sm')}
        >
          Approve
        </button>
        <button
          type="button"
          disabled={busy || !mayDecide}
          onClick={() => askToDecide('reject')}
          data-testid="review-reject"
          className={buttonClasses(
            'primary',
            'sm',
            'bg-red-700 hover:bg-red-800 dark:bg-red-600 dark:text-white dark:hover:bg-red-500',
          )}
        >
          Reject
        </button>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'reject' ? 'Reject this answer?' : 'Approve this answer?'}
        confirmLabel={confirming === 'reject' ? 'Reject' : 'Approve'}
        onConfirm={decide}
        onCancel={() => setConfirming(null)}
      >
        The decision and your note are recorded in the audit trail and cannot be changed.
      </ConfirmDialog>
    </form>
  );
}
