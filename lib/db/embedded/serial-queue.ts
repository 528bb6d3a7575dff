// Keeps each connection's extended-protocol exchange whole on the embedded database.
//
// PGLiteSocketServer (@electric-sql/pglite-socket 0.2.17) queues single protocol messages from all
// connections into one PGlite session, and keeps a connection's messages together only while a
// transaction is open. An extended-protocol exchange (Parse, Bind, Describe, Execute … Sync) is not
// a transaction, so two connections' exchanges interleave and one binds the other's unnamed
// statement: "bind message supplies 3 parameters, but prepared statement "" requires 5", or, when
// the shapes match, wrong rows. Its queue also stops for good after one failed message. Both are
// upstream bugs (electric-sql/pglite issue 1046, pull request 977). Until a release fixes them,
// this replaces the queue's scheduling on our server instance: a connection owns the session from
// its first message until its exchange is complete (a Sync or a simple Query has been answered)
// and no transaction is open; a failed message fails only its own request.
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
};

type QueueInternals = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
};

// Parse, Bind, Describe, Execute, Close and Flush: the exchange goes on until a Sync.
const CONTINUES_EXCHANGE = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

export function serialiseConnections(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueueInternals }).queryQueue;
  if (!queue || typeof queue.processQueue !== 'function' || !Array.isArray(queue.queue)) {
    throw new Error(
      '@electric-sql/pglite-socket changed its internals: review lib/db/embedded/serial-queue.ts',
    );
  }
  // The connection whose exchange or transaction is open; null when any may go next.
  let owner: number | null = null;

  queue.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error);
        }
        const open = CONTINUES_EXCHANGE.has(item.message[0]!) || this.db.isInTransaction();
        owner = open ? item.handlerId : null;
        this.lastHandlerId = item.handlerId;
      }
    } finally {
      this.processing = false;
    }
  };

  // A connection that goes away mid-exchange or mid-transaction must not hold the session.
  queue.clearTransactionIfNeeded = async function clearTransactionIfNeeded(
    this: QueueInternals,
    handlerId: number,
  ) {
    if (owner !== handlerId) return;
    owner = null;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    await this.processQueue();
  };
}
