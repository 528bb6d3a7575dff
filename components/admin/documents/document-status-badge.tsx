// A document's ingestion state as a labelled badge; colour repeats the word, never replaces it.
import type { DocumentView } from '@/lib/ingest/document-view';

const styles: Record<DocumentView['status'], string> = {
  queued:
    'bg-neutral-100 text-neutral-700 ring-neutral-200 dark:bg-neutral-800 dark:text-neutral-300 dark:ring-neutral-700',
  parsing: 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950/40 dark:text-sky-300 dark:ring-sky-900',
  embedding:
    'bg-violet-50 text-violet-800 ring-violet-200 dark:bg-violet-950/40 dark:text-violet-300 dark:ring-violet-900',
  ready:
    'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/40 dark:text-emerald-300 dark:ring-emerald-900',
  failed: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/40 dark:text-red-300 dark:ring-red-900',
};

export function DocumentStatusBadge({ status }: { status: DocumentView['status'] }) {
  const busy = status === 'queued' || status === 'parsing' || status === 'embedding';
  return (
    <span
      data-testid="document-status"
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[status]}`}
    >
      {busy && <span aria-hidden className="size-1.5 rounded-full bg-current motion-safe:animate-pulse" />}
      {status}
    </span>
  );
}
