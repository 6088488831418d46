import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { addressRefusal, guardedLookup } from './ssrf';

// One HTTP attempt of a webhook delivery. node:http rather than fetch: the connection's own DNS
// lookup is the SSRF check (guardedLookup), so the address that was checked is the one connected
// to; redirects are never followed (a 3xx is just a non-2xx answer). The whole attempt — connect,
// send, answer — is bounded by timeoutMs; at most 1 KB of the answer is read, for the log.

export interface SendResult {
  /** HTTP status, or null when there was no answer (refused, DNS, connect error, timeout). */
  statusCode: number | null;
  durationMs: number;
  /** What went wrong; null for a 2xx. */
  error: string | null;
}

const MAX_BODY_LOG = 1024;

export function sendWebhook(p: { url: string; headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean }): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const done = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, durationMs: elapsed(), error });
    };
    let url: URL;
    try {
      url = new URL(p.url);
    } catch {
      return resolve({ statusCode: null, durationMs: 0, error: 'invalid URL' });
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const literalRefusal = net.isIP(host) ? addressRefusal(host, p.allowPrivate) : null;
    if (literalRefusal) return resolve({ statusCode: null, durationMs: 0, error: `refused: ${literalRefusal}` });
    const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
    if (!client) return resolve({ statusCode: null, durationMs: 0, error: 'refused: only http and https URLs are called' });

    const req = client.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'FlowMason-Webhooks/1.0', ...p.headers, 'content-length': Buffer.byteLength(p.body) },
      lookup: guardedLookup(p.allowPrivate),
      agent: false, // a fresh connection per attempt: no pooled socket to an address checked earlier
    });
    const timer = setTimeout(() => {
      done(null, `timeout after ${p.timeoutMs} ms`);
      req.destroy();
    }, p.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => done(null, err.message || err.code || 'request failed'));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY_LOG).trim();
        const ok = status >= 200 && status < 300;
        done(status, ok ? null : `HTTP ${status}${text ? `: ${text}` : ''}`);
        res.destroy();
      };
      res.on('data', (c: Buffer) => {
        if (size < MAX_BODY_LOG) chunks.push(c);
        size += c.length;
        if (size >= MAX_BODY_LOG) finish(); // enough to log: do not wait for a large or endless body
      });
      res.on('end', finish);
      res.on('error', finish);
    });
    req.end(p.body);
  });
}
