import type { Socket } from 'node:net';

// LISTEN/NOTIFY across the connections of the embedded server. PGlite is one backend session for
// every connection that pglite-socket multiplexes onto it, so a notification comes out in the
// reply of whichever connection committed the NOTIFY, never at the connection that LISTENed
// (measured: the notifier got both, the listener none). This router remembers which connection
// listens on which channel (from its simple-query LISTEN / UNLISTEN) and copies every
// NotificationResponse ('A') found in a reply to those connections, between two replies, where a
// PostgreSQL server would send it too. lib/db/pglite-queue.ts calls it for every message.

type Handler = { handlerId: number; socket: Socket | null };

const QUERY = 0x51; // 'Q'
const NOTIFICATION = 0x41; // 'A'
const LISTEN = /^\s*(UN)?LISTEN\s+(?:"([^"]+)"|([\w$]+)|(\*))\s*;?\s*$/i;

export class NotificationRouter {
  private readonly channels = new Map<number, Set<string>>();

  constructor(private readonly handlers: () => Iterable<Handler>) {}

  /** A message from a client: remembers its LISTEN / UNLISTEN (simple protocol, one statement). */
  incoming(handlerId: number, message: Uint8Array): void {
    if (message[0] !== QUERY || message.length > 300) return;
    const m = LISTEN.exec(Buffer.from(message.subarray(5, message.length - 1)).toString('utf8'));
    if (!m) return;
    const channel = m[2] ?? m[3]?.toLowerCase() ?? '*';
    const set = this.channels.get(handlerId) ?? new Set<string>();
    if (!m[1]) set.add(channel);
    else if (channel === '*') set.clear();
    else set.delete(channel);
    this.channels.set(handlerId, set);
  }

  /** A scanner of one reply's bytes (chunks may split messages) that forwards its notifications. */
  outgoing(fromHandlerId: number): (chunk: Uint8Array) => void {
    if (this.channels.size === 0) return () => {};
    let header = Buffer.alloc(0); // the 5 bytes of type + length being gathered
    let remaining = 0; // body bytes of the current message still to come
    let body: Buffer[] | null = null; // the current message when it is a notification
    return (chunk) => {
      let at = 0;
      while (at < chunk.length) {
        if (remaining === 0) {
          const need = 5 - header.length;
          header = Buffer.concat([header, chunk.subarray(at, at + need)]);
          at += Math.min(need, chunk.length - at);
          if (header.length < 5) return;
          remaining = header.readInt32BE(1) - 4;
          body = header[0] === NOTIFICATION ? [Buffer.from(header)] : null;
          header = Buffer.alloc(0);
          if (remaining > 0) continue;
        }
        const take = Math.min(remaining, chunk.length - at);
        body?.push(Buffer.from(chunk.subarray(at, at + take)));
        at += take;
        remaining -= take;
        if (remaining === 0 && body) this.deliver(fromHandlerId, Buffer.concat(body));
      }
    };
  }

  private deliver(fromHandlerId: number, message: Buffer): void {
    // NotificationResponse: 'A', int32 length, int32 pid, channel\0, payload\0
    const channel = message.subarray(9, message.indexOf(0, 9)).toString('utf8');
    const alive = new Set<number>();
    for (const h of this.handlers()) {
      alive.add(h.handlerId);
      if (h.handlerId === fromHandlerId || !this.channels.get(h.handlerId)?.has(channel)) continue;
      if (h.socket?.writable) h.socket.write(message);
    }
    for (const id of this.channels.keys()) if (!alive.has(id)) this.channels.delete(id);
  }
}
