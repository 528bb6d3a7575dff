'use client';
// The invitation link just made, shown this once with a copy button: only its token's hash is kept.
import { useEffect, useId, useRef, useState } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';
import { formatDateTime } from '@/components/settings/format-date';
import type { CreatedInvite } from './invite-user-form';

export function NewInviteLink({ invite, onDone }: { invite: CreatedInvite; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { heading: useId(), input: useId(), note: useId() };
  const link = `${window.location.origin}/signup?invite=${encodeURIComponent(invite.token)}`;

  // Moved to at once, so keyboard and screen-reader users land on the link.
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section
      aria-labelledby={ids.heading}
      data-testid="new-invite"
      className="space-y-3 rounded-xl border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950/30"
    >
      <h2
        id={ids.heading}
        ref={headingRef}
        tabIndex={-1}
        className="text-base font-semibold text-emerald-950 outline-none dark:text-emerald-100"
      >
        Invitation for {invite.email}
      </h2>
      <p id={ids.note} className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
        Send this link to {invite.email} yourself (no email is sent). Copy it now: you won’t see it again. It
        works once, until {formatDateTime(invite.expiresAt)}.
      </p>
      <div className="flex flex-wrap gap-2">
        <label htmlFor={ids.input} className="sr-only">
          Invitation link
        </label>
        <input
          id={ids.input}
          ref={inputRef}
          readOnly
          value={link}
          aria-describedby={ids.note}
          data-testid="new-invite-link"
          onFocus={(event) => event.currentTarget.select()}
          className="h-10 min-w-0 flex-1 basis-64 rounded-lg border border-emerald-300 bg-white px-3 font-mono text-sm text-neutral-900 outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-emerald-900 dark:bg-neutral-950 dark:text-neutral-100 dark:focus:border-neutral-100 dark:focus:ring-neutral-100"
        />
        <button type="button" onClick={() => void copy()} className={buttonClasses('primary', 'md')}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button
          type="button"
          onClick={onDone}
          data-testid="new-invite-done"
          className={buttonClasses('secondary', 'md')}
        >
          Done
        </button>
      </div>
      <p role="status" className="text-xs text-emerald-900 dark:text-emerald-300">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' &&
          'The browser did not allow copying; the link is selected, copy it with Ctrl+C or ⌘C.'}
      </p>
    </section>
  );
}
