// Inline alert for a failed answer: what went wrong in plain words, a reference id, and a way on.
import Link from 'next/link';
import type { ChatErrorView } from '@/components/chat/parse-chat-error';

type ChatErrorProps = {
  error: ChatErrorView;
  onRetry: () => void;
};

export function ChatError({ error, onRetry }: ChatErrorProps) {
  return (
    <div
      role="alert"
      data-testid="chat-error"
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
    >
      <p className="font-medium">{error.title}</p>
      <p className="mt-0.5">{error.message}</p>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1">
        {error.signInAgain ? (
          <Link href="/login?callbackUrl=/" className="font-medium underline underline-offset-2">
            Sign in again
          </Link>
        ) : (
          <button type="button" onClick={onRetry} className="font-medium underline underline-offset-2">
            Try again
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
