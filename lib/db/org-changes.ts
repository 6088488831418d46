import 'server-only';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, getPool } from './client';

// "Organisation X changed": the one signal that makes cached answers stale, in every process.
//
//   announceOrgChanged(orgId)  every writer, after its write committed (the API wrapper after any
//                              successful write; the CLI's import, demo, price, rollup and key
//                              commands). Listeners in this process hear it at once (so a client
//                              reads its own write); other processes through PostgreSQL
//                              NOTIFY on channel fm_org_changed, payload "<sender>:<orgId>".
//   onOrgChanged(listener)     the caches (analytics answers, API keys). The first listener opens
//                              one LISTEN connection per process; listener(null) means "changes may
//                              have been missed" (that connection was lost and re-opened): drop all.
//
// The embedded PGlite serves LISTEN/NOTIFY too: lib/db/pglite-notify.ts routes each notification
// to the connections that listen, as a PostgreSQL server does. A process that never listens (the
// CLI) opens no extra connection. Announcements coalesce: one NOTIFY per organisation per tick.
// Next may load this module more than once in a process (route handlers, server components,
// instrumentation: the build holds three copies); each copy has its own sender id, so the copies
// hear each other through NOTIFY too.

export const ORG_CHANGED_CHANNEL = 'fm_org_changed';
type Listener = (orgId: string | null) => void;

const sender = randomUUID().slice(0, 8); // this module instance: its own notifications come back
const listeners = new Set<Listener>();
let pending: Set<string> | null = null;
let flushing: Promise<void> = Promise.resolve();
let connection: Promise<pg.Client | null> | null = null;

function tell(orgId: string | null) {
  for (const listener of listeners) {
    try {
      listener(orgId);
    } catch {
      // a listener's failure must not stop the others (nor the writer)
    }
  }
}

/** Sends the pending organisations in one statement; a failure is logged, never thrown at writers. */
function flush(): Promise<void> {
  const orgs = [...(pending ?? [])];
  pending = null;
  flushing = getPool()
    .query(`SELECT pg_notify($1, $2 || ':' || o) FROM unnest($3::text[]) AS o`, [ORG_CHANGED_CHANNEL, sender, orgs])
    .then(() => undefined, (err: Error) => console.warn(`org change notification failed: ${err.message}`));
  return flushing;
}

/** Organisation `orgId` changed: this process's listeners now, other processes once the NOTIFY is sent (the promise). */
export function announceOrgChanged(orgId: string): Promise<void> {
  tell(orgId);
  if (pending) {
    pending.add(orgId);
    return new Promise((resolve) => setImmediate(() => void flushing.then(resolve)));
  }
  pending = new Set([orgId]);
  return new Promise((resolve) => setImmediate(() => void flush().then(resolve)));
}

async function listen(): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  const reconnect = () => {
    if (connection === null) return;
    connection = null;
    client.end().catch(() => {});
    setTimeout(() => {
      if (listeners.size === 0 || connection) return;
      connection = listen();
      void connection.then((c) => c && tell(null)); // missed meanwhile: everything may be stale
    }, 1_000).unref();
  };
  client.on('error', reconnect);
  client.on('end', reconnect);
  client.on('notification', (msg) => {
    if (msg.channel !== ORG_CHANGED_CHANNEL || !msg.payload) return;
    const [from, orgId] = msg.payload.split(':');
    if (from !== sender && orgId) tell(orgId);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${ORG_CHANGED_CHANNEL}`);
    // The listening connection must not keep a process alive that has nothing else to do.
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    return client;
  } catch (err) {
    console.warn(`cannot listen for org changes (${(err as Error).message}); retrying`);
    reconnect();
    return null;
  }
}

/** Calls `listener(orgId)` on every change, here or in another process; returns the unsubscribe. */
export function onOrgChanged(listener: Listener): () => void {
  listeners.add(listener);
  connection ??= listen();
  return () => void listeners.delete(listener);
}

/** Resolves once this process listens to other processes (tests; a server need not wait). */
export async function listeningForOrgChanges(): Promise<boolean> {
  return (await connection) !== null;
}
