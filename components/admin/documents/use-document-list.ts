// The document list kept current: reloaded at once after an upload or an action, and every second
// while any document is still being ingested (and not at all once every one is ready or failed).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentView } from '@/lib/ingest/document-view';
import { DOCUMENTS_PAGE_SIZE as PAGE_SIZE, fetchDocuments, type DocumentPage } from './api';
import { useDocumentsChanges } from './documents-context';

const POLL_MS = 1000;
const RETRY_MS = 5000;
/** The API's largest page: polling reloads everything on screen in one request. */
const MAX_LIMIT = 200;

export function inProgress(doc: DocumentView): boolean {
  return doc.status !== 'ready' && doc.status !== 'failed';
}

export function useDocumentList(initial: DocumentPage) {
  const { version } = useDocumentsChanges();
  const [documents, setDocuments] = useState(initial.documents);
  const [nextCursor, setNextCursor] = useState(initial.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(0);
  const [localVersion, setLocalVersion] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  // Which change requests a successful reload has covered; a newer one means "reload now". Starts at
  // zero: an upload that finished while this list was still loading is reloaded for at once.
  const covered = useRef({ version: 0, localVersion: 0 });

  const active = documents.some(inProgress);
  const shown = documents.length;

  useEffect(() => {
    const want = { version, localVersion };
    const reloadNow =
      want.version !== covered.current.version || want.localVersion !== covered.current.localVersion;
    if (!reloadNow && !active) return;
    const controller = new AbortController();
    const delay = reloadNow ? 0 : error ? RETRY_MS : POLL_MS;
    const timer = setTimeout(() => {
      fetchDocuments({ limit: Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, shown)) }, controller.signal)
        .then((page) => {
          covered.current = want;
          setDocuments(page.documents);
          setNextCursor(page.nextCursor);
          setError(null);
        })
        .catch((cause: unknown) => {
          if (controller.signal.aborted) return;
          covered.current = want;
          setError(
            `The list could not be refreshed: ${cause instanceof Error ? cause.message : String(cause)}`,
          );
          setAttempts((n) => n + 1);
        });
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `documents` and `attempts` are here so that each reload (or failed one) schedules the next.
  }, [version, localVersion, active, shown, error, documents, attempts]);

  const reload = useCallback(() => setLocalVersion((v) => v + 1), []);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchDocuments({ limit: PAGE_SIZE, cursor: nextCursor });
      setDocuments((list) => [...list, ...page.documents.filter((d) => !list.some((e) => e.id === d.id))]);
      setNextCursor(page.nextCursor);
    } catch (cause) {
      setError(
        `More documents could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor]);

  return { documents, setDocuments, nextCursor, error, active, reload, loadMore, loadingMore };
}
