// Banner over the chat while an admin has paused answers (the kill switch): the question is kept.
import { PauseIcon } from './icons';

type ServicePausedBannerProps = {
  message: string;
  requestId?: string;
  onRetry: () => void;
};

export function ServicePausedBanner({ message, requestId, onRetry }: ServicePausedBannerProps) {
  return (
    <div
      role="alert"
      data-testid="service-paused"
      className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800/70 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-3xl items-start gap-3">
        <PauseIcon className="mt-0.5 size-4" />
        <div className="min-w-0 flex-1">
          <p className="font-medium">Answers are paused</p>
          <p className="mt-0.5">{message} Your question is kept in the box below.</p>
          {requestId && (
            <p className="mt-0.5 text-xs text-amber-900/80 dark:text-amber-200/80">
              Reference: <code className="font-mono">{requestId}</code>
            </p>
          )}
        </div>
        <button
          type="button"
          onClick={onRetry}
          data-testid="service-paused-retry"
          className="shrink-0 font-medium underline underline-offset-2"
        >
          Try again
        </button>
      </div>
    </div>
  );
}
