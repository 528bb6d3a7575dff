'use client';
// A secret shown this once (a new API key, an invitation link) with a copy button: the panel takes
// focus so keyboard and screen-reader users land on it, and copying falls back to a selected field.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { buttonClasses } from './button-styles';

type Props = {
  title: ReactNode;
  /** What to do with it: read out with the field. */
  note: ReactNode;
  /** The field's accessible name, and the word used when copying fails ("key", "link"). */
  label: string;
  noun: string;
  value: string;
  onDone: () => void;
  /** Test ids of the panel, the field and the Done button. */
  testIds: { panel: string; value: string; done: string };
  children?: ReactNode;
};

export function ShownOnceSecret({ title, note, label, noun, value, onDone, testIds, children }: Props) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { heading: useId(), input: useId(), note: useId() };

  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section
      aria-labelledby={ids.heading}
      data-testid={testIds.panel}
      className="space-y-3 rounded-xl border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950/30"
    >
      <h2
        id={ids.heading}
        ref={headingRef}
        tabIndex={-1}
        className="text-base font-semibold text-emerald-950 outline-none dark:text-emerald-100"
      >
        {title}
      </h2>
      <p id={ids.note} className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
        {note}
      </p>
      <div className="flex flex-wrap gap-2">
        <label htmlFor={ids.input} className="sr-only">
          {label}
        </label>
        <input
          id={ids.input}
          ref={inputRef}
          readOnly
          value={value}
          aria-describedby={ids.note}
          data-testid={testIds.value}
          onFocus={(event) => event.currentTarget.select()}
          className="h-10 min-w-0 flex-1 basis-64 rounded-lg border border-emerald-300 bg-white px-3 font-mono text-sm text-neutral-900 outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-emerald-900 dark:bg-neutral-950 dark:text-neutral-100 dark:focus:border-neutral-100 dark:focus:ring-neutral-100"
        />
        <button type="button" onClick={() => void copy()} className={buttonClasses('primary', 'md')}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button
          type="button"
          onClick={onDone}
          data-testid={testIds.done}
          className={buttonClasses('secondary', 'md')}
        >
          Done
        </button>
      </div>
      <p role="status" className="text-xs text-emerald-900 dark:text-emerald-300">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' &&
          `The browser did not allow copying; the ${noun} is selected, copy it with Ctrl+C or ⌘C.`}
      </p>
      {children}
    </section>
  );
}
