'use client';
// Recomputes the whole hash chain on the server and says whether it holds, or where it first breaks.
import { useState, useTransition } from 'react';
import { verifyAuditTrail } from '@/app/admin/audit/actions';
import { actionErrorMessage, callAction } from '@/components/admin/users/action-error';
import { buttonClasses } from '@/components/ui/button-styles';

const reasons = {
  hash_mismatch: 'its content no longer matches its hash (edited)',
  prev_link_broken: 'it does not link to the row before it (reordered or inserted)',
  gap: 'the row it links to is missing or was rewritten (deleted or edited)',
} as const;

export function VerifyChainButton() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const verify = () =>
    startTransition(async () => {
      const result = await callAction(() => verifyAuditTrail({}));
      if (!result.ok) return setMessage({ ok: false, text: actionErrorMessage(result) });
      const outcome = result.data;
      setMessage(
        outcome.ok
          ? { ok: true, text: `Chain intact: ${outcome.checked.toLocaleString('en-US')} events verified.` }
          : {
              ok: false,
              text: `Chain broken at event #${outcome.firstBrokenSeq}: ${reasons[outcome.reason]}. ${outcome.checked.toLocaleString('en-US')} events before it verified.`,
            },
      );
    });

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={verify}
        disabled={pending}
        data-testid="audit-verify"
        className={buttonClasses('primary', 'sm')}
      >
        {pending ? 'Verifying…' : 'Verify chain'}
      </button>
      <p
        role="status"
        data-testid="audit-verify-result"
        data-ok={message ? String(message.ok) : undefined}
        className={
          message?.ok === false
            ? 'text-sm text-red-700 dark:text-red-400'
            : 'text-sm text-green-700 dark:text-green-400'
        }
      >
        {message?.text}
      </p>
    </div>
  );
}
