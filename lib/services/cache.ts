import 'server-only';

// A short-lived response cache with request coalescing for the analytics service. Under load
// (a thousand dashboards polling the same organisation) each distinct request — organisation +
// method + parameters — is computed once per TTL, and concurrent identical requests share one
// computation (single flight) instead of queueing a thousand copies of the same SQL aggregates.
//
// Staleness: an answer is at most INSIGHTS_CACHE_TTL_MS old (default 10 s). A successful write
// through this process's API (ingest, OTLP, settings, acknowledge…) drops the organisation's
// entries at once (lib/api/route.ts), so a client that writes and then reads sees its write.
// Writes by another process (the CLI import, a second app instance) show within the TTL.
// Failures are never cached. Requests that pin `now` (tests, the alert evaluator) bypass it.
// Bounded: at most INSIGHTS_CACHE_MAX entries (default 1000), oldest evicted first.

type Entry = { promise: Promise<unknown>; expires: number };
const holder = globalThis as unknown as { __fmInsightsCache?: Map<string, Entry> };

function settings() {
  const ttl = Number(process.env.INSIGHTS_CACHE_TTL_MS ?? 10_000);
  const max = Number(process.env.INSIGHTS_CACHE_MAX ?? 1_000);
  return { ttl: Number.isFinite(ttl) && ttl > 0 ? ttl : 0, max: Number.isFinite(max) && max > 0 ? max : 1_000 };
}

const entries = () => (holder.__fmInsightsCache ??= new Map());

/** The cached or in-flight answer for `key`, or a new computation shared by everyone asking now. */
export function cached<T>(orgId: string, key: string, load: () => Promise<T>): Promise<T> {
  const { ttl, max } = settings();
  if (ttl === 0) return load();
  const map = entries();
  const full = `${orgId}\u0000${key}`;
  const hit = map.get(full);
  if (hit && hit.expires > Date.now()) return hit.promise as Promise<T>;
  const entry: Entry = { promise: load(), expires: Infinity }; // in flight: shared, never expired
  map.delete(full);
  map.set(full, entry);
  entry.promise.then(
    () => (entry.expires = Date.now() + ttl),
    () => map.get(full) === entry && map.delete(full),
  );
  while (map.size > max) map.delete(map.keys().next().value!);
  return entry.promise as Promise<T>;
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
