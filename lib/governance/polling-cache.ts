// A value read from the database at most once per `maxAgeMs` per process: the read that every request
// needs (is the kill switch on?) costs nothing most of the time, and is never older than `maxAgeMs`.

export type PollingCache<T> = {
  /** The value, re-read first when the last read started `maxAgeMs` ago or more. */
  get(): Promise<T>;
  /** Forget the value: the next get() reads (after this process changed it). */
  invalidate(): void;
};

type Options<T> = {
  read: () => Promise<T>;
  maxAgeMs: number;
  /** Served when the first read fails; later failures serve the last value read. */
  fallback: T;
  onError?: (error: unknown) => void;
  now?: () => number;
};

export function pollingCache<T>({
  read,
  maxAgeMs,
  fallback,
  onError,
  now = Date.now,
}: Options<T>): PollingCache<T> {
  let value: T | undefined;
  let readAt = -Infinity;
  let inflight: Promise<T> | null = null;
  // Bumped by invalidate(), so a read that started before a change is not kept as fresh.
  let generation = 0;

  const refresh = (): Promise<T> => {
    const started = now();
    const startedIn = generation;
    const reading = read()
      .then((fresh) => {
        if (startedIn === generation) {
          value = fresh;
          readAt = started;
        }
        return fresh;
      })
      .catch((error: unknown) => {
        onError?.(error);
        // A failed read is not retried by every request: the next try waits like a read would.
        if (startedIn === generation) readAt = started;
        return value ?? fallback;
      })
      .finally(() => {
        if (inflight === reading) inflight = null;
      });
    inflight = reading;
    return reading;
  };

  return {
    get() {
      if (now() - readAt < maxAgeMs) return Promise.resolve(value ?? fallback);
      return inflight ?? refresh();
    },
    invalidate() {
      generation += 1;
      readAt = -Infinity;
      inflight = null;
    },
  };
}

/**
 * Runs `task` at most once per `everyMs`: a call inside the quiet period schedules one run at its end,
 * so the last of a burst of calls is never lost.
 */
export function throttled(task: () => Promise<void>, everyMs: number, now: () => number = Date.now) {
  let lastRun = -Infinity;
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    const timer = setTimeout(
      () => {
        scheduled = false;
        lastRun = now();
        void task();
      },
      Math.max(0, lastRun + everyMs - now()),
    );
    timer.unref?.();
  };
}
