// One line per file of this session's uploads: its progress while sending, then what the server said.
import { formatBytes } from './format-bytes';

export type Upload = {
  key: string;
  name: string;
  size: number;
  loaded: number;
  total: number;
  /** refused: stopped before sending; failed: the server refused it; accepted: stored and queued. */
  state: 'waiting' | 'uploading' | 'accepted' | 'refused' | 'failed';
  message?: string;
  unchanged?: boolean;
};

export function UploadList({ uploads }: { uploads: Upload[] }) {
  return (
    <ul
      aria-label="Uploads"
      className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
    >
      {uploads.map((upload) => (
        <UploadRow key={upload.key} upload={upload} />
      ))}
    </ul>
  );
}

function UploadRow({ upload }: { upload: Upload }) {
  const percent = upload.total > 0 ? Math.min(100, Math.round((upload.loaded / upload.total) * 100)) : 0;
  const problem = upload.state === 'refused' || upload.state === 'failed';

  return (
    <li data-testid="upload-item" data-state={upload.state} className="px-3 py-2.5 text-sm">
      <div className="flex items-baseline justify-between gap-3">
        <span className="min-w-0 truncate font-medium" title={upload.name}>
          {upload.name}
        </span>
        <span className="shrink-0 text-xs text-neutral-500 tabular-nums dark:text-neutral-400">
          {formatBytes(upload.size)}
        </span>
      </div>
      {(upload.state === 'uploading' || upload.state === 'waiting') && (
        <div className="mt-1.5 flex items-center gap-3">
          <div
            role="progressbar"
            aria-label={`Uploading ${upload.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="upload-progress"
            className="h-1.5 flex-1 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
          >
            <div
              className="h-full rounded-full bg-neutral-900 transition-[width] dark:bg-neutral-100"
              style={{ width: `${percent}%` }}
            />
          </div>
          <span className="w-20 text-right text-xs text-neutral-500 tabular-nums dark:text-neutral-400">
            {upload.state === 'waiting' ? 'Waiting…' : percent === 100 ? 'Processing…' : `${percent}%`}
          </span>
        </div>
      )}
      <p
        aria-live="polite"
        data-testid={problem ? 'upload-error' : 'upload-status'}
        className={`mt-1 text-xs ${problem ? 'text-red-700 dark:text-red-400' : 'text-neutral-600 dark:text-neutral-400'}`}
      >
        {upload.state === 'accepted'
          ? upload.unchanged
            ? 'Already in the knowledge base with the same content; nothing to do.'
            : 'Uploaded. Ingestion progress is in the list below.'
          : problem
            ? upload.message
            : null}
      </p>
    </li>
  );
}
