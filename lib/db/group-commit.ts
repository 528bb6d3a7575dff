// Group commit for rows written once per request (an answer's query log, its audit event): the first
// row is written at once; while it is, the rows recorded meanwhile queue, and the next write takes them
// all in one statement. Under load, one round trip carries many rows; alone, a row waits for nothing.
// Each caller still waits for its own row's commit, so nothing is acknowledged before it is stored.
// A batch that fails is written again row by row, so one bad row fails alone.
import 'server-only';

export type GroupCommit<T, R> = (item: T) => Promise<R>;

export function groupCommit<T, R>(options: {
  /** The most rows one write takes. */
  max: number;
  /** Writes the rows in one go; returns one result per row, in their order, or throws. */
  writeBatch: (items: T[]) => Promise<R[]>;
  /** Writes one row (a failed batch's rows, one by one). */
  writeOne: (item: T) => Promise<R>;
}): GroupCommit<T, R> {
  type Pending = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };
  const pending: Pending[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0, options.max);
        try {
          const results =
            batch.length === 1
              ? [await options.writeOne(batch[0]!.item)]
              : await options.writeBatch(batch.map((entry) => entry.item));
          if (results.length !== batch.length)
            throw new Error(`a batch of ${batch.length} rows wrote ${results.length}`);
          batch.forEach((entry, i) => entry.resolve(results[i]!));
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else
            for (const entry of batch) await options.writeOne(entry.item).then(entry.resolve, entry.reject);
        }
      }
    } finally {
      writing = false;
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
