import 'server-only';
import { onOrgChanged } from '@/lib/db/org-changes';

// A short-lived response cache with request coalescing for the analytics service. Under load
// (a thousand dashboards polling the same organisation) each distinct request — organisation +
// method + parameters — is computed once per TTL, and concurrent identical requests share one
// computation (single flight) instead of queueing a thousand copies of the same SQL aggregates.
//
// Staleness: an answer is fresh for INSIGHTS_CACHE_TTL_MS (default 5 s); for one more TTL it is
// still served at once while a single background refresh replaces it (stale-while-revalidate:
// otherwise every client would stall behind the recomputation each time the TTL runs out), so
// an answer is at most about 2 × TTL old. Every write that changes an organisation's answers is
// announced (lib/db/org-changes.ts: the API wrapper after a successful write, the CLI's import and
// other commands) and drops the organisation's entries — at once in the writing process, so a
// client that writes and then reads sees its write, and within a NOTIFY's round trip in every
// other process. Failures are never cached (a failed refresh keeps the stale answer until it is
// too old). Requests that pin `now` (tests, the alert evaluator) bypass it. Bounded: at most
// INSIGHTS_CACHE_MAX entries (default 1000), oldest evicted first.

/** `fresh`: served as is until then; `usable`: served while one refresh runs until then. */
type Entry = { promise: Promise<unknown>; fresh: number; usable: number; refreshing: boolean };
const holder = globalThis as unknown as { __fmInsightsCache?: Map<string, Entry> };

function settings() {
  const ttl = Number(process.env.INSIGHTS_CACHE_TTL_MS ?? 5_000);
  const max = Number(process.env.INSIGHTS_CACHE_MAX ?? 1_000);
  return { ttl: Number.isFinite(ttl) && ttl > 0 ? ttl : 0, max: Number.isFinite(max) && max > 0 ? max : 1_000 };
}

const entries = () => (holder.__fmInsightsCache ??= new Map());

let unsubscribe: (() => void) | null = null;
/** Listens for organisation changes from the first cached request on (null: drop everything). */
function listen() {
  unsubscribe ??= onOrgChanged((orgId) => (orgId === null ? entries().clear() : invalidateOrg(orgId)));
}

/** Starts a computation; a first one is shared at once, a refresh replaces `stale` when it succeeds. */
function compute(full: string, load: () => Promise<unknown>, stale?: Entry): Entry {
  const { ttl, max } = settings();
  const map = entries();
  const entry: Entry = { promise: load(), fresh: Infinity, usable: Infinity, refreshing: false };
  if (!stale) {
    map.delete(full);
    map.set(full, entry);
  }
  entry.promise.then(
    () => {
      entry.fresh = Date.now() + ttl;
      entry.usable = entry.fresh + ttl;
      // Installed unless the stale entry was dropped meanwhile (a write: this may predate it).
      if (stale && map.get(full) === stale) {
        map.delete(full);
        map.set(full, entry);
      }
    },
    () => {
      if (stale) stale.refreshing = false;
      else if (map.get(full) === entry) map.delete(full);
    },
  );
  while (map.size > max) map.delete(map.keys().next().value!);
  return entry;
}

/** The cached or in-flight answer for `key`, or a new computation shared by everyone asking now. */
export function cached<T>(orgId: string, key: string, load: () => Promise<T>): Promise<T> {
  if (settings().ttl === 0) return load();
  listen();
  const full = `${orgId}\u0000${key}`;
  const hit = entries().get(full);
  const now = Date.now();
  if (hit && now < hit.fresh) return hit.promise as Promise<T>;
  if (hit && now < hit.usable) {
    if (!hit.refreshing) {
      hit.refreshing = true;
      compute(full, load, hit);
    }
    return hit.promise as Promise<T>;
  }
  return compute(full, load).promise as Promise<T>;
}

/** Drops every cached answer of an organisation (after it wrote something). */
export function invalidateOrg(orgId: string): void {
  const prefix = `${orgId}\u0000`;
  for (const key of entries().keys()) if (key.startsWith(prefix)) entries().delete(key);
}

/** Wraps each method of a service whose first argument is `{ orgId, now?, … }` or an orgId. */
export function withResponseCache<S extends Record<string, (arg: never) => Promise<unknown>>>(service: S): S {
  const wrapped = {} as Record<string, (arg: never) => Promise<unknown>>;
  for (const [name, fn] of Object.entries(service)) {
    wrapped[name] = (arg: never) => {
      const req = arg as unknown;
      if (typeof req === 'string') return cached(req, name, () => fn(arg));
      const { orgId, now, ...rest } = req as { orgId: string; now?: Date };
      if (now !== undefined) return fn(arg);
      return cached(orgId, `${name}\u0000${JSON.stringify(rest, Object.keys(rest).sort())}`, () => fn(arg));
    };
  }
  return wrapped as S;
}
