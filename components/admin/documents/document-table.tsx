'use client';
// The knowledge base's documents, newest first, with their ingestion state and the actions an admin
// takes on them: re-index a ready one, retry a failed one, delete (after confirming).
import { useState } from 'react';
import { formatInteger, formatTime } from '@/components/admin/format';
import { buttonClasses } from '@/components/ui/button-styles';
import type { DocumentView } from '@/lib/ingest/document-view';
import { deleteDocument, reindexDocument, type DocumentPage } from './api';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DocumentStatusBadge } from './document-status-badge';
import { formatBytes } from './format-bytes';
import { inProgress, useDocumentList } from './use-document-list';

const columns = [
  { label: 'Document', end: false },
  { label: 'Status', end: false },
  { label: 'Passages', end: true },
  { label: 'Tags', end: false },
  { label: 'Visibility', end: false },
  { label: 'Updated (UTC)', end: false },
  { label: 'Actions', end: true },
];

const cell = 'px-2.5 py-2.5 align-top';

export function DocumentTable({ initial }: { initial: DocumentPage }) {
  const { documents, setDocuments, nextCursor, error, active, reload, loadMore, loadingMore } =
    useDocumentList(initial);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<DocumentView | null>(null);

  // A source with a ready version and a newer one on its way: the newer one replaces it when ready.
  const readySources = new Set(documents.filter((d) => d.status === 'ready').map((d) => d.source));
  const rebuilding = new Set(documents.filter(inProgress).map((d) => d.source));

  async function act(doc: DocumentView, action: 'reindex' | 'delete') {
    setBusy((ids) => new Set(ids).add(doc.id));
    setActionError(null);
    try {
      if (action === 'delete') {
        await deleteDocument(doc.id);
        setDocuments((list) => list.filter((d) => d.id !== doc.id));
      } else {
        const queued = await reindexDocument(doc.id);
        setDocuments((list) =>
          queued.id === doc.id ? list.map((d) => (d.id === doc.id ? queued : d)) : [queued, ...list],
        );
      }
      reload();
    } catch (cause) {
      const verb = action === 'delete' ? 'deleted' : 'queued again';
      setActionError(
        `${doc.fileName} could not be ${verb}: ${cause instanceof Error ? cause.message : cause}`,
      );
    } finally {
      setBusy((ids) => {
        const next = new Set(ids);
        next.delete(doc.id);
        return next;
      });
    }
  }

  return (
    <section aria-labelledby="documents-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="documents-heading" className="text-lg font-semibold tracking-tight">
          Documents
        </h2>
        <p
          role="status"
          className="text-xs text-neutral-500 dark:text-neutral-400"
          data-testid="documents-live"
        >
          {active ? 'Ingesting… this list updates every second.' : ''}
        </p>
      </div>

      {(actionError ?? error) && (
        <p
          role="alert"
          data-testid="documents-error"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
        >
          {actionError ?? error}
        </p>
      )}

      <div
        role="region"
        aria-labelledby="documents-caption"
        tabIndex={0}
        className="relative overflow-x-auto rounded-xl border border-neutral-200 focus-visible:outline-2 focus-visible:outline-neutral-900 dark:border-neutral-800 dark:focus-visible:outline-neutral-100"
      >
        <table data-testid="documents-table" className="min-w-full text-sm">
          <caption id="documents-caption" className="sr-only">
            Documents in the knowledge base, newest first
          </caption>
          <thead className="bg-neutral-50 text-left text-xs font-medium text-neutral-600 dark:bg-neutral-900 dark:text-neutral-400">
            <tr>
              {columns.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  className={`px-2.5 py-2 font-medium whitespace-nowrap ${column.end ? 'text-right' : ''}`}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {documents.length === 0 ? (
              <tr>
                <td
                  colSpan={columns.length}
                  data-testid="documents-empty"
                  className="px-3 py-12 text-center text-neutral-500 dark:text-neutral-400"
                >
                  <p className="font-medium text-neutral-700 dark:text-neutral-300">No documents yet</p>
                  <p className="mt-1">Drop files above to add them to the knowledge base.</p>
                </td>
              </tr>
            ) : (
              documents.map((doc) => (
                <DocumentRow
                  key={doc.id}
                  doc={doc}
                  busy={busy.has(doc.id)}
                  newVersion={inProgress(doc) && readySources.has(doc.source)}
                  rebuilding={doc.status === 'ready' && rebuilding.has(doc.source)}
                  onReindex={() => void act(doc, 'reindex')}
                  onDelete={() => setConfirming(doc)}
                />
              ))
            )}
          </tbody>
        </table>
      </div>

      {nextCursor && (
        <div className="flex justify-center">
          <button
            type="button"
            onClick={() => void loadMore()}
            disabled={loadingMore}
            className={buttonClasses('secondary', 'sm')}
          >
            {loadingMore ? 'Loading…' : 'Show more'}
          </button>
        </div>
      )}

      <ConfirmDialog
        open={confirming !== null}
        title={`Delete ${confirming?.fileName ?? 'this document'}?`}
        confirmLabel="Delete"
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) void act(confirming, 'delete');
          setConfirming(null);
        }}
      >
        Its {formatInteger(confirming?.chunkCount ?? 0)} passages are removed at once and answers stop citing
        it. This cannot be undone; upload the file again to bring it back.
      </ConfirmDialog>
    </section>
  );
}

type DocumentRowProps = {
  doc: DocumentView;
  busy: boolean;
  /** This is a new version of a ready document that keeps answering until this one is ready. */
  newVersion: boolean;
  /** A new version of this ready document is being ingested. */
  rebuilding: boolean;
  onReindex: () => void;
  onDelete: () => void;
};

function DocumentRow({ doc, busy, newVersion, rebuilding, onReindex, onDelete }: DocumentRowProps) {
  const updated = new Date(doc.updatedAt);
  return (
    <tr
      data-testid="document-row"
      data-document-id={doc.id}
      data-status={doc.status}
      className="hover:bg-neutral-50 dark:hover:bg-neutral-900/60"
    >
      <td className={`${cell} max-w-80 min-w-56`}>
        <span className="block truncate font-medium" title={doc.fileName} data-testid="document-name">
          {doc.fileName}
        </span>
        <span
          className="block truncate text-xs text-neutral-500 dark:text-neutral-400"
          data-testid="document-meta"
        >
          <span className="font-medium tracking-wide uppercase">{doc.format}</span> ·{' '}
          {formatBytes(doc.sizeBytes)}
          {showTitle(doc) && <span title={doc.title}> · {doc.title}</span>}
        </span>
        {newVersion && (
          <span className="mt-0.5 block text-xs text-neutral-500 dark:text-neutral-400">
            New version; replaces the ready one when done.
          </span>
        )}
      </td>
      <td className={`${cell} min-w-44`}>
        <DocumentStatusBadge status={doc.status} />
        {doc.status === 'embedding' && doc.progress.total > 0 && <EmbeddingProgress doc={doc} />}
        {doc.status === 'ready' && doc.injection.flaggedPassages > 0 && (
          <p
            data-testid="document-injection"
            className="mt-1 max-w-64 text-xs text-amber-800 dark:text-amber-300"
            title={`Highest passage score ${doc.injection.score.toFixed(2)}`}
          >
            Possible prompt injection in {formatInteger(doc.injection.flaggedPassages)}{' '}
            {doc.injection.flaggedPassages === 1 ? 'passage' : 'passages'}: review the document.
          </p>
        )}
        {doc.status === 'failed' && doc.error && (
          <p data-testid="document-error" className="mt-1 max-w-64 text-xs text-red-700 dark:text-red-400">
            {doc.error}
          </p>
        )}
      </td>
      <td className={`${cell} text-right tabular-nums`} data-testid="document-passages">
        {doc.status === 'ready' ? formatInteger(doc.chunkCount) : <span className="text-neutral-400">—</span>}
      </td>
      <td className={cell}>
        {doc.tags.length === 0 ? (
          <span className="text-neutral-400">—</span>
        ) : (
          <ul className="flex max-w-56 min-w-24 flex-wrap gap-1" aria-label="Tags">
            {doc.tags.map((tag) => (
              <li
                key={tag}
                className="rounded bg-neutral-100 px-1.5 py-0.5 text-xs text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300"
              >
                {tag}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className={cell} data-testid="document-visibility">
        {doc.visibility === 'shared' ? 'Shared' : 'Private'}
      </td>
      <td className={`${cell} whitespace-nowrap text-neutral-600 dark:text-neutral-400`}>
        <time dateTime={doc.updatedAt} title={doc.updatedAt}>
          {formatTime(updated)}
        </time>
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <div className="flex justify-end gap-1">
          {doc.status === 'ready' && (
            <button
              type="button"
              onClick={onReindex}
              disabled={busy || rebuilding}
              title={rebuilding ? 'A new version is being ingested' : undefined}
              data-testid="document-reindex"
              className={buttonClasses('secondary', 'sm')}
            >
              Re-index<span className="sr-only"> {doc.fileName}</span>
            </button>
          )}
          {doc.status === 'failed' && (
            <button
              type="button"
              onClick={onReindex}
              disabled={busy}
              data-testid="document-retry"
              className={buttonClasses('secondary', 'sm')}
            >
              Retry<span className="sr-only"> {doc.fileName}</span>
            </button>
          )}
          <button
            type="button"
            onClick={onDelete}
            disabled={busy}
            data-testid="document-delete"
            className={buttonClasses(
              'ghost',
              'sm',
              'text-red-700 hover:text-red-800 dark:text-red-400 dark:hover:text-red-300',
            )}
          >
            Delete<span className="sr-only"> {doc.fileName}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The title is worth showing when it says more than the file name does. */
function showTitle(doc: DocumentView): boolean {
  const stem = doc.fileName.replace(/\.[^.]+$/, '');
  return Boolean(doc.title) && doc.title !== doc.fileName && doc.title !== stem;
}

function EmbeddingProgress({ doc }: { doc: DocumentView }) {
  const { done, total } = doc.progress;
  const percent = Math.min(100, Math.round((done / total) * 100));
  return (
    <div className="mt-1.5 flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={`Embedding ${doc.fileName}`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-1.5 w-24 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
      >
        <div
          className="h-full rounded-full bg-violet-600 dark:bg-violet-400"
          style={{ width: `${percent}%` }}
        />
      </div>
      <span
        className="text-xs text-neutral-600 tabular-nums dark:text-neutral-400"
        data-testid="document-progress"
      >
        {formatInteger(done)}/{formatInteger(total)}
      </span>
    </div>
  );
}
