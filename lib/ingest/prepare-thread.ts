// The worker thread's side of prepare-pool.ts: prepares one document per message and answers with the
// result or a failure that can cross the thread boundary (an Error's class does not).
import { parentPort } from 'node:worker_threads';
import { UnsupportedFormatError } from './formats';
import { prepareDocument, type PrepareInput, type PreparedDocument } from './prepare';
import { DocumentParseError } from './types';

export type PrepareFailure =
  | { kind: 'parse'; reason: string }
  | { kind: 'unsupported'; message: string }
  | { kind: 'error'; message: string; stack?: string };

export type PrepareReply =
  { ready: true } | { ok: true; result: PreparedDocument } | { ok: false; failure: PrepareFailure };

function failureOf(error: unknown): PrepareFailure {
  if (error instanceof DocumentParseError) return { kind: 'parse', reason: error.reason };
  if (error instanceof UnsupportedFormatError) return { kind: 'unsupported', message: error.message };
  if (error instanceof Error) return { kind: 'error', message: error.message, stack: error.stack };
  return { kind: 'error', message: String(error) };
}

const port = parentPort;
if (!port) throw new Error('prepare-thread.ts runs as a worker thread (lib/ingest/prepare-pool.ts)');
port.on('message', (input: PrepareInput) => {
  prepareDocument(input).then(
    (result) =>
      port.postMessage(
        { ok: true, result } satisfies PrepareReply,
        result.embeddings ? [result.embeddings.buffer] : [],
      ),
    (error: unknown) => port.postMessage({ ok: false, failure: failureOf(error) } satisfies PrepareReply),
  );
});
// Loaded: the pool's time limit for a document starts with the document, not with this thread.
port.postMessage({ ready: true } satisfies PrepareReply);
