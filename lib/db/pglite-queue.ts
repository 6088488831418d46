import type { Socket } from 'node:net';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { NotificationRouter } from './pglite-notify';

// PGlite is one backend; pglite-socket multiplexes client connections onto it message by
// message and keeps a connection exclusive only while it is inside a transaction. The extended
// query protocol (Parse/Bind/Describe/Execute … Sync) that `pg` uses for every parameterised query
// is stateful outside transactions too (the unnamed statement and portal), so interleaving two
// connections' messages there fails with 'portal "" does not exist'. This replaces the queue's
// scheduler with one that also keeps a connection exclusive from its first extended-protocol
// message to its Sync, and that never stalls after an error. It also hands every message and
// reply to the NotificationRouter, so that LISTEN/NOTIFY works across connections.

type Item = { handlerId: number; message: Uint8Array; resolve: (n: number) => void; reject: (e: unknown) => void; onData: (d: Uint8Array) => void };
type Db = { isInTransaction(): boolean; runExclusive<T>(f: () => Promise<T>): Promise<T>; execProtocolRawStream(m: Uint8Array, o: { onRawData: (d: Uint8Array) => void }): Promise<unknown> };
type Queue = {
  queue: Item[];
  processing: boolean;
  lastHandlerId: number | null;
  db: Db;
  processQueue(): Promise<void>;
  clearQueueForHandler(id: number): void;
};

// Parse, Bind, Describe, Execute, Close, Flush: messages that leave protocol state behind until Sync.
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

export function serializeExtendedProtocol(server: PGLiteSocketServer) {
  const q = (server as unknown as { queryQueue: Queue }).queryQueue;
  const handlers = (server as unknown as { handlers: Set<{ handlerId: number; socket: Socket | null }> }).handlers;
  const notifications = new NotificationRouter(() => handlers);
  let midSequence = false;
  q.processQueue = async function processQueue(this: Queue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        let item: Item | undefined;
        if ((midSequence || this.db.isInTransaction()) && this.lastHandlerId !== null) {
          const idx = this.queue.findIndex((r) => r.handlerId === this.lastHandlerId);
          item = idx === -1 ? undefined : this.queue.splice(idx, 1)[0];
        } else {
          item = this.queue.shift();
        }
        if (!item) break; // the owning connection has not sent its next message yet
        const current = item;
        let bytes = 0;
        notifications.incoming(current.handlerId, current.message);
        const forward = notifications.outgoing(current.handlerId);
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, { onRawData: (d) => { bytes += d.length; current.onData(d); forward(d); } }),
          );
        } catch (err) {
          midSequence = false;
          current.reject(err);
          continue;
        }
        midSequence = EXTENDED.has(current.message[0]);
        this.lastHandlerId = current.handlerId;
        current.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(q);
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (id: number) => {
    clear(id);
    if (id === q.lastHandlerId) {
      midSequence = false;
      setImmediate(() => void q.processQueue());
    }
  };
}
