import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { Insight } from '@/lib/schemas/insights';

// Test helpers: an insight builder and a real HTTP receiver that verifies every request with the
// reference Standard Webhooks library and answers from a script of status codes.

export function makeInsight(id: string, p: Partial<Insight> = {}): Insight {
  return {
    id,
    type: 'failure_pattern',
    category: 'reliability',
    severity: 'critical',
    title: 'Critical failure rate: 50%',
    description: 'd',
    pipeline_id: null,
    data: { failure_rate: 0.5 },
    recommendations: ['r'],
    detected_at: new Date().toISOString(),
    ...p,
  };
}

export interface Received {
  headers: Record<string, string>;
  body: string;
  verified: boolean;
  payload: { type: string; timestamp: string; data: Insight } | null;
  answered: number;
}

/** `script`: status per request in order (then 200); `delayMs`: wait before answering (per request when a list). */
export async function startReceiver(script: number[] = [], opts: { delayMs?: number | number[] } = {}) {
  const received: Received[] = [];
  let secret = '';
  let i = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let payload: Received['payload'] = null;
      try {
        payload = new Webhook(secret).verify(body, headers) as Received['payload'];
      } catch {}
      const n = i++;
      const answered = script[n] ?? 200;
      const delay = Array.isArray(opts.delayMs) ? (opts.delayMs[n] ?? 0) : (opts.delayMs ?? 0);
      received.push({ headers, body, verified: payload !== null, payload, answered });
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered >= 300 ? 'nope' : 'ok');
      }, delay);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    setSecret: (s: string) => void (secret = s),
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

export async function waitFor<T>(f: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}
