// Worker threads that prepare documents (prepare.ts): parsing, chunking, screening and the built-in
// embedding run beside the event loop, several documents at once on several cores. A thread that
// takes longer than a document may (a damaged or hostile PDF) is stopped, as is one that runs out of
// its memory (a decompression bomb); either way the document fails with a reason and the process
// goes on.
import 'server-only';
import { Worker } from 'node:worker_threads';
import { ingestion } from '@/lib/config';
import { UnsupportedFormatError } from './formats';
import type { PrepareInput, PreparedDocument } from './prepare';
import type { PrepareFailure, PrepareReply } from './prepare-thread';
import { DocumentParseError } from './types';

/**
 * Whether this code runs from the TypeScript sources (tsx or Vitest) rather than the built app: Next.js
 * sets NEXT_RUNTIME in its server, and the bundler writes it into the built code.
 */
// eslint-disable-next-line no-restricted-properties -- set by Next.js itself, as in instrumentation.ts
const fromSources = process.env.NEXT_RUNTIME !== 'nodejs';
const TOO_SLOW = 'The file took too long to read; it may be damaged.';
const TOO_BIG = 'The file needs more memory to read than a document may use; it may be damaged.';

/**
 * `transferBytes`: the file's bytes move to the thread instead of being copied, when they are the
 * whole of their buffer; the caller's view of them is empty afterwards. For a caller that reads the
 * file only to prepare it (an ingestion attempt): a 20 MB upload is not copied on the event loop.
 */
export type PrepareOptions = { transferBytes?: boolean };

type Task = {
  input: PrepareInput;
  options: PrepareOptions;
  resolve: (result: PreparedDocument) => void;
  reject: (error: unknown) => void;
};
type Thread = {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
};
/** A document's time and heap on a thread, and how long an idle thread is kept. */
export type PoolLimits = { timeoutMs: number; memoryMb: number; idleMs: number };

function errorOf(failure: PrepareFailure): Error {
  if (failure.kind === 'parse') return new DocumentParseError(failure.reason);
  if (failure.kind === 'unsupported') {
    const error = new UnsupportedFormatError();
    error.message = failure.message;
    return error;
  }
  const error = new Error(failure.message);
  if (failure.stack) error.stack = failure.stack;
  return error;
}

export class PreparePool {
  private readonly threads = new Set<Thread>();
  private readonly waiting: Task[] = [];

  constructor(
    private readonly size: number,
    private readonly limits: PoolLimits = {
      timeoutMs: ingestion.prepareTimeoutSeconds * 1000,
      memoryMb: ingestion.prepareMemoryMb,
      idleMs: ingestion.prepareIdleSeconds * 1000,
    },
  ) {}

  /** The prepared document; rejects with DocumentParseError for a file that cannot be indexed. */
  prepare(input: PrepareInput, options: PrepareOptions = {}): Promise<PreparedDocument> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, options, resolve, reject });
      this.dispatch();
    });
  }

  /** Threads running or starting: started on demand, ended after `idleMs` without work. */
  get threadCount(): number {
    return this.threads.size;
  }

  /** Stops every thread; documents waiting or in preparation fail. */
  async close(): Promise<void> {
    const closed = new Error('the document preparation pool closed');
    for (const task of this.waiting.splice(0)) task.reject(closed);
    await Promise.all([...this.threads].map((thread) => this.stop(thread, closed)));
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      const task = thread.ready && !thread.task ? this.waiting.shift() : undefined;
      if (task) this.run(thread, task);
    }
    const starting = [...this.threads].filter((thread) => !thread.ready).length;
    for (let i = starting; i < this.waiting.length && this.threads.size < this.size; i++) this.spawn();
  }

  private run(thread: Thread, task: Task): void {
    clearTimeout(thread.idleTimer);
    thread.task = task;
    thread.worker.ref();
    thread.timer = setTimeout(
      () => void this.stop(thread, new DocumentParseError(TOO_SLOW)),
      this.limits.timeoutMs,
    );
    const { buffer, byteOffset, byteLength } = task.input.bytes;
    const whole = buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength;
    thread.worker.postMessage(task.input, task.options.transferBytes && whole ? [buffer] : []);
  }

  private spawn(): void {
    const worker = new Worker(new URL('./prepare-worker.mjs', import.meta.url), {
      workerData: { fromSources },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
    });
    const thread: Thread = { worker, ready: false, task: null };
    this.threads.add(thread);
    worker.on('message', (reply: PrepareReply) => {
      if ('ready' in reply) {
        thread.ready = true;
        this.idle(thread);
      } else {
        const task = this.release(thread);
        if (reply.ok) task?.resolve(reply.result);
        else task?.reject(errorOf(reply.failure));
      }
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!thread.ready) {
        // A thread that cannot start would fail every document alike: they fail now and are retried.
        for (const task of this.waiting.splice(0)) task.reject(error);
      }
      void this.stop(
        thread,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new DocumentParseError(TOO_BIG) : error,
      );
    });
    worker.on('exit', (code) => {
      void this.stop(thread, new Error(`the document preparation thread stopped (exit code ${code})`));
    });
  }

  /** The thread's task, which it no longer runs. */
  private release(thread: Thread): Task | null {
    const task = thread.task;
    clearTimeout(thread.timer);
    thread.task = null;
    this.idle(thread);
    return task;
  }

  /**
   * A thread without work does not keep the process alive, and ends after `idleMs`: each holds its
   * own copy of the parsers and the tokenizer, memory an instance only needs while it ingests.
   */
  private idle(thread: Thread): void {
    thread.worker.unref();
    clearTimeout(thread.idleTimer);
    thread.idleTimer = setTimeout(() => {
      if (thread.task || !this.threads.delete(thread)) return;
      void thread.worker.terminate();
    }, this.limits.idleMs);
    thread.idleTimer.unref();
  }

  /** Ends a thread, failing its task with `error`; the queue's next task goes to another thread. */
  private async stop(thread: Thread, error: unknown): Promise<void> {
    const task = this.release(thread);
    clearTimeout(thread.idleTimer);
    if (!this.threads.delete(thread)) return;
    task?.reject(error);
    this.dispatch();
    await thread.worker.terminate();
  }
}

const holder = globalThis as unknown as { ragPreparePool?: PreparePool };

/** Prepares a document on this process's pool of `ingestion.prepareThreads` threads. */
export function prepareOnThread(input: PrepareInput, options?: PrepareOptions): Promise<PreparedDocument> {
  holder.ragPreparePool ??= new PreparePool(ingestion.prepareThreads);
  return holder.ragPreparePool.prepare(input, options);
}
