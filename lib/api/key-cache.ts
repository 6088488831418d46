import 'server-only';
import { createHash } from 'node:crypto';
import { verifyApiKey, type KeyAuth } from '@/lib/auth/api-keys';
import { getPrisma } from '@/lib/db/client';
import { onOrgChanged } from '@/lib/db/org-changes';

// A verified API key is remembered for API_KEY_CACHE_TTL_MS (default 1 s), and concurrent checks
// of the same key share one lookup: under a thousand connections the database answers a handful
// of key lookups per second (one per key) instead of one per request. Unknown or revoked keys are
// never remembered (a new key works at once). A revocation, like any other write, is announced
// (lib/db/org-changes.ts) and forgets that organisation's keys: at once in the revoking process,
// within a NOTIFY's round trip in the others; the TTL bounds what a lost notification could cost.

type Entry = { auth: Promise<KeyAuth | null>; orgId?: string; expires: number };
const holder = globalThis as unknown as { __fmKeyCache?: Map<string, Entry> };
const MAX_ENTRIES = 10_000;

const ttl = () => {
  const n = Number(process.env.API_KEY_CACHE_TTL_MS ?? 1_000);
  return Number.isFinite(n) && n > 0 ? n : 0;
};
const entries = () => (holder.__fmKeyCache ??= new Map());

let unsubscribe: (() => void) | null = null;
const listen = () => (unsubscribe ??= onOrgChanged((orgId) => (orgId === null ? entries().clear() : forgetOrgKeys(orgId))));

export function verifyKeyCached(token: string): Promise<KeyAuth | null> {
  if (ttl() === 0) return verifyApiKey(getPrisma(), token);
  listen();
  // Only a digest of the key is kept in memory, never the key itself.
  const id = createHash('sha256').update(token).digest('base64url');
  const map = entries();
  const hit = map.get(id);
  if (hit && hit.expires > Date.now()) return hit.auth;
  const entry: Entry = { auth: verifyApiKey(getPrisma(), token), expires: Infinity };
  map.set(id, entry);
  entry.auth.then(
    (auth) => {
      if (!auth) return map.get(id) === entry && map.delete(id);
      entry.orgId = auth.orgId;
      entry.expires = Date.now() + ttl();
    },
    () => map.get(id) === entry && map.delete(id),
  );
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
  return entry.auth;
}

/** Forgets the cached keys of an organisation (after a revocation or any other write by it). */
export function forgetOrgKeys(orgId: string): void {
  const map = entries();
  // A lookup still in flight may be this organisation's too: drop it as well.
  for (const [id, entry] of map) if (entry.orgId === orgId || entry.orgId === undefined) map.delete(id);
}
