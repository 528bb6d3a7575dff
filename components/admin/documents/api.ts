// Browser calls to the documents API, with the API's error message surfaced as it comes.
import type { DocumentView } from '@/lib/ingest/document-view';

/** Documents per page of the list. */
export const DOCUMENTS_PAGE_SIZE = 50;

export type DocumentPage = { documents: DocumentView[]; nextCursor: string | null };
export type UploadedDocument = DocumentView & { unchanged: boolean };

/** An API error: the server's own message, for showing to the admin as it is. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The message of a `{ error: { message } }` body, or a plain one when the body is something else. */
export function errorMessageOf(status: number, body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === 'string' && message) return message;
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 413) return 'The file is too large.';
  return `The server answered ${status || 'nothing'}. Please try again.`;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(errorMessageOf(response.status, body), response.status);
  return body as T;
}

export function fetchDocuments(query: { limit: number; cursor?: string }, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.cursor) params.set('cursor', query.cursor);
  return call<DocumentPage>(`/api/v1/documents?${params}`, { signal, cache: 'no-store' });
}

export function reindexDocument(id: string) {
  return call<DocumentView>(`/api/v1/documents/${encodeURIComponent(id)}/reindex`, { method: 'POST' });
}

export function deleteDocument(id: string) {
  return call<{ deleted: DocumentView }>(`/api/v1/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/**
 * Uploads one file in its own request (one bad file would reject a whole batch), reporting upload
 * progress: XMLHttpRequest because fetch has no upload progress events.
 */
export function uploadDocument(
  file: File,
  fields: { visibility: 'shared' | 'private'; tags: string; language: string },
  onProgress: (loaded: number, total: number) => void,
): { done: Promise<UploadedDocument>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedDocument>((resolve, reject) => {
    const form = new FormData();
    form.append('file', file);
    form.append('visibility', fields.visibility);
    if (fields.tags.trim()) form.append('tags', fields.tags);
    if (fields.language) form.append('language', fields.language);
    xhr.open('POST', '/api/v1/documents');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status === 202 || xhr.status === 200) {
        const uploaded = (body as { documents?: UploadedDocument[] } | null)?.documents?.[0];
        if (uploaded) return resolve(uploaded);
      }
      reject(new ApiError(errorMessageOf(xhr.status, body), xhr.status));
    };
    xhr.onerror = () => reject(new ApiError('The upload did not reach the server. Check the connection.', 0));
    xhr.onabort = () => reject(new ApiError('Upload cancelled.', 0));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
