'use client';
// Copies an answer's text to the clipboard and says so for a moment.
import { useEffect, useState } from 'react';
import { CheckIcon, CopyIcon } from './icons';
import { actionButtonClasses } from './action-button';

const CONFIRM_MS = 2000;

export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  const label = state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy' : 'Copy';
  return (
    <button
      type="button"
      onClick={() => void copy()}
      data-testid="answer-copy"
      className={actionButtonClasses}
    >
      {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
      <span aria-live="polite">{label}</span>
    </button>
  );
}
