// The question box: Enter sends, Shift+Enter adds a line (Esc stops an answer: see use-escape-to-stop.ts);
// Send is disabled while empty or busy, and Stop appears while an answer is on its way.
import { type FormEvent, type KeyboardEvent, useId } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';
import { limits } from '@/lib/config';

type ChatComposerProps = {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  onStop: () => void;
  busy: boolean;
};

export function ChatComposer({ value, onChange, onSubmit, onStop, busy }: ChatComposerProps) {
  const inputId = useId();
  const hintId = useId();
  const empty = value.trim().length === 0;
  const remaining = limits.questionMaxChars - value.length;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!empty && !busy) onSubmit();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <form onSubmit={handleSubmit} className="mx-auto w-full max-w-3xl">
      <label htmlFor={inputId} className="sr-only">
        Your question
      </label>
      <div className="flex items-end gap-2 rounded-2xl border border-neutral-300 bg-white p-2 shadow-sm focus-within:border-neutral-500 dark:border-neutral-700 dark:bg-neutral-900 dark:focus-within:border-neutral-500">
        <textarea
          id={inputId}
          data-testid="chat-input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={handleKeyDown}
          rows={1}
          maxLength={limits.questionMaxChars}
          placeholder="Ask a question about your documents…"
          aria-describedby={hintId}
          autoFocus
          className="max-h-48 min-h-10 flex-1 resize-none [field-sizing:content] bg-transparent px-2 py-2 text-[15px] leading-6 outline-none placeholder:text-neutral-400 dark:placeholder:text-neutral-500"
        />
        {busy && (
          <button
            type="button"
            data-testid="chat-stop"
            onClick={onStop}
            className={buttonClasses('secondary', 'md')}
          >
            <svg aria-hidden viewBox="0 0 16 16" fill="currentColor" className="size-3.5">
              <rect x="3" y="3" width="10" height="10" rx="1.5" />
            </svg>
            Stop
          </button>
        )}
        <button
          type="submit"
          data-testid="chat-submit"
          disabled={empty || busy}
          className={buttonClasses('primary', 'md')}
        >
          Send
        </button>
      </div>
      <p id={hintId} className="mt-1.5 px-2 text-xs text-neutral-500 dark:text-neutral-400">
        Enter to send, Shift+Enter for a new line, Esc to stop an answer.
        {remaining < 200 && <span className="ml-2 tabular-nums">{remaining} characters left.</span>}
      </p>
    </form>
  );
}
