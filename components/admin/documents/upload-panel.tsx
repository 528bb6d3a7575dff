'use client';
// Adding documents: drop files (or choose them), set who may see them and their tags, and watch each
// file upload in its own request with its own progress bar. Files the server would refuse are
// stopped here with the server's wording; whatever the server still refuses is shown as it says.
import { type DragEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ingestion } from '@/lib/config';
import { acceptAttribute, supportedFormats } from '@/lib/ingest/formats';
import { buttonClasses } from '@/components/ui/button-styles';
import { uploadDocument } from './api';
import { useDocumentsChanges } from './documents-context';
import { precheckFile } from './precheck';
import { UploadList, type Upload } from './upload-list';

type Fields = { visibility: 'shared' | 'private'; tags: string; language: string };
type Queued = { key: string; file: File; fields: Fields };

/**
 * Uploads in flight at once; the rest wait their turn. One at a time: the files share one connection
 * anyway, so it is no slower, and each progress bar then moves on its own.
 */
const PARALLEL_UPLOADS = 1;

const maxMb = Math.round(ingestion.maxFileBytes / (1024 * 1024));
const extensions = supportedFormats.flatMap((f) => f.extensions[0] ?? []).join(', ');

const fieldClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

export function UploadPanel({ languages }: { languages: readonly string[] }) {
  const { changed } = useDocumentsChanges();
  const [fields, setFields] = useState<Fields>({ visibility: 'shared', tags: '', language: '' });
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const waiting = useRef<Queued[]>([]);
  const senders = useRef(0);
  const running = useRef(new Map<string, () => void>());
  const nextKey = useRef(0);
  const ids = { input: useId(), hint: useId(), tags: useId(), tagsHint: useId(), language: useId() };

  const update = useCallback((key: string, patch: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));
  }, []);

  // Sends one file and records how it went; never throws.
  const send = useCallback(
    async (item: Queued) => {
      const { done, abort } = uploadDocument(item.file, item.fields, (loaded, total) =>
        update(item.key, { loaded, total }),
      );
      running.current.set(item.key, abort);
      update(item.key, { state: 'uploading' });
      try {
        const document = await done;
        update(item.key, { state: 'accepted', loaded: item.file.size, unchanged: document.unchanged });
        changed();
      } catch (error) {
        update(item.key, {
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      } finally {
        running.current.delete(item.key);
      }
    },
    [changed, update],
  );

  // Up to PARALLEL_UPLOADS senders, each taking the next waiting file until none is left.
  const startSending = useCallback(() => {
    const idle = Math.min(PARALLEL_UPLOADS - senders.current, waiting.current.length);
    for (let i = 0; i < idle; i++) {
      senders.current += 1;
      void (async () => {
        for (let next = waiting.current.shift(); next; next = waiting.current.shift()) await send(next);
        senders.current -= 1;
      })();
    }
  }, [send]);

  function addFiles(files: File[]) {
    if (files.length === 0) return;
    const added: Upload[] = files.map((file) => {
      const key = `upload-${nextKey.current++}`;
      const problem = precheckFile(file);
      if (!problem) waiting.current.push({ key, file, fields });
      return {
        key,
        name: file.name,
        size: file.size,
        loaded: 0,
        total: file.size,
        state: problem ? 'refused' : 'waiting',
        message: problem ?? undefined,
      };
    });
    setUploads((list) => [...added, ...list]);
    startSending();
  }

  // Uploads still running when the page is left are cancelled rather than left to finish unseen.
  useEffect(() => {
    const inFlight = running.current;
    return () => inFlight.forEach((abort) => abort());
  }, []);

  // A file dropped just beside the zone would otherwise make the browser open it and leave the page.
  useEffect(() => {
    const keep = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  function onDragOver(event: DragEvent<HTMLElement>) {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function onDragLeave(event: DragEvent<HTMLElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    addFiles(Array.from(event.dataTransfer.files));
  }

  return (
    <section aria-labelledby="upload-heading" className="space-y-4">
      <h2 id="upload-heading" className="sr-only">
        Upload documents
      </h2>
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <input
            ref={inputRef}
            id={ids.input}
            type="file"
            multiple
            accept={acceptAttribute}
            aria-describedby={ids.hint}
            data-testid="document-file-input"
            className="peer sr-only"
            onChange={(event) => {
              addFiles(Array.from(event.currentTarget.files ?? []));
              event.currentTarget.value = '';
            }}
          />
          <label
            htmlFor={ids.input}
            data-testid="document-drop-zone"
            data-dragging={dragging || undefined}
            onDragEnter={onDragOver}
            onDragOver={onDragOver}
            onDragLeave={onDragLeave}
            onDrop={onDrop}
            className="flex h-full min-h-40 cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed border-neutral-300 px-6 py-8 text-center transition-colors peer-focus-visible:border-neutral-900 peer-focus-visible:ring-2 peer-focus-visible:ring-neutral-900/20 hover:border-neutral-400 hover:bg-neutral-50 data-dragging:border-neutral-900 data-dragging:bg-neutral-100 dark:border-neutral-700 dark:peer-focus-visible:border-neutral-100 dark:peer-focus-visible:ring-neutral-100/20 dark:hover:border-neutral-500 dark:hover:bg-neutral-900 dark:data-dragging:border-neutral-100 dark:data-dragging:bg-neutral-900"
          >
            <UploadIcon />
            <span className="text-sm font-medium">
              {dragging ? 'Drop to upload' : 'Drop files here, or click to choose'}
            </span>
            <span id={ids.hint} className="text-xs text-neutral-500 dark:text-neutral-400">
              {extensions} · up to {maxMb} MB each
            </span>
          </label>
        </div>

        <fieldset className="space-y-4 rounded-xl border border-neutral-200 p-4 dark:border-neutral-800">
          <legend className="px-1 text-sm font-medium">For the next upload</legend>
          <fieldset>
            <legend className="text-sm font-medium">Visibility</legend>
            <div className="mt-1 grid grid-cols-2 gap-1 rounded-lg bg-neutral-100 p-1 dark:bg-neutral-900">
              {(['shared', 'private'] as const).map((value) => (
                <label
                  key={value}
                  className="cursor-pointer rounded-md px-3 py-1.5 text-center text-sm text-neutral-600 has-checked:bg-white has-checked:font-medium has-checked:text-neutral-900 has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-neutral-900 dark:text-neutral-400 dark:has-checked:bg-neutral-700 dark:has-checked:text-neutral-100 dark:has-focus-visible:outline-neutral-100"
                >
                  <input
                    type="radio"
                    name="visibility"
                    value={value}
                    checked={fields.visibility === value}
                    onChange={() => setFields((f) => ({ ...f, visibility: value }))}
                    data-testid={`upload-visibility-${value}`}
                    className="sr-only"
                  />
                  {value === 'shared' ? 'Everyone' : 'Only me'}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={ids.tags} className="text-sm font-medium">
              Tags
            </label>
            <input
              id={ids.tags}
              value={fields.tags}
              onChange={(event) => setFields((f) => ({ ...f, tags: event.target.value }))}
              placeholder="billing, policies"
              aria-describedby={ids.tagsHint}
              data-testid="upload-tags"
              className={fieldClasses}
            />
            <p id={ids.tagsHint} className="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
              Comma-separated; used to filter what is searched.
            </p>
          </div>
          <div>
            <label htmlFor={ids.language} className="text-sm font-medium">
              Language
            </label>
            <select
              id={ids.language}
              value={fields.language}
              onChange={(event) => setFields((f) => ({ ...f, language: event.target.value }))}
              className={fieldClasses}
            >
              <option value="">Detect automatically</option>
              {languages.map((language) => (
                <option key={language} value={language}>
                  {language}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      </div>

      {uploads.length > 0 && (
        <div className="space-y-2">
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-sm font-medium">Uploads</h3>
            <button
              type="button"
              onClick={() =>
                setUploads((list) => list.filter((u) => u.state === 'waiting' || u.state === 'uploading'))
              }
              className={buttonClasses('ghost', 'sm')}
            >
              Clear finished
            </button>
          </div>
          <UploadList uploads={uploads} />
        </div>
      )}
    </section>
  );
}

function UploadIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      className="size-8 text-neutral-400 dark:text-neutral-500"
    >
      <path
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M12 16.5V4.5m0 0-4.5 4.5M12 4.5l4.5 4.5M4.5 15v2.25A2.25 2.25 0 0 0 6.75 19.5h10.5a2.25 2.25 0 0 0 2.25-2.25V15"
      />
    </svg>
  );
}
