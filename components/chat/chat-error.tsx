'use client';
// Inline alert for a failed answer: what went wrong in plain words, when to try again (rate limit),
// a reference id, and a way on.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ChatErrorView } from './parse-chat-error';
import { formatRetryAfter } from './retry-after';
import { useCountdown } from './use-countdown';

type ChatErrorProps = {
  error: ChatErrorView;
  onRetry: () => void;
};

export function ChatError({ error, onRetry }: ChatErrorProps) {
  const pathname = usePathname();
  const waitLeft = useCountdown(error.kind === 'rate-limited' ? error.retryAfterSeconds : undefined);
  const waiting = waitLeft !== undefined && waitLeft > 0;

  return (
    <div
      role="alert"
      data-testid="chat-error"
      data-kind={error.kind}
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
    >
      <p className="font-medium">{error.title}</p>
      <p className="mt-0.5">{error.message}</p>
      {error.kind === 'rate-limited' && (
        <p data-testid="chat-retry-after" className="mt-0.5">
          {waitLeft === undefined
            ? 'Wait a moment before asking again.'
            : `You can ask again ${formatRetryAfter(waitLeft)}.`}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1">
        {error.kind === 'signed-out' ? (
          <Link
            href={`/login?callbackUrl=${encodeURIComponent(pathname)}`}
            className="font-medium underline underline-offset-2"
          >
            Sign in again
          </Link>
        ) : (
          <button
            type="button"
            onClick={onRetry}
            disabled={waiting}
            data-testid="chat-retry"
            className="font-medium underline underline-offset-2 disabled:cursor-not-allowed disabled:no-underline disabled:opacity-60"
          >
            {error.kind === 'interrupted' ? 'Retry' : 'Try again'}
          </button>
        )}
        {error.requestId && (
          <span className="text-xs text-red-800/80 dark:text-red-300/80">
            Reference: <code className="font-mono">{error.requestId}</code>
          </span>
        )}
      </div>
    </div>
  );
}
