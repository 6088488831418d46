// `npm run bench:load -- --url http://127.0.0.1:3000 --key fm_…` — load against a RUNNING app
// (README "Operations" says how to start one):
//  1. autocannon opens --connections (1,000) connections over --ramp (2,000) ms, holds them on the
//     summary and report endpoints for --duration (30) s — each connection making
//     --connection-rate (1) requests per second, as polling dashboards do; 0 = each as fast as it
//     is answered (closed loop: finds the saturation point) — and prints requests, errors (non-2xx,
//     timeouts over --timeout s, connection errors) and latency percentiles. Connections are spread over --keys (20) read keys made with the admin
//     key, as many clients would be: the per-key rate limit is per client, not per server.
//  2. --dup-clients (20) clients post the same --dup-batches × --dup-size executions concurrently,
//     honouring 429/503 Retry-After like a real client; afterwards every execution must be
//     stored exactly once (the pipeline's execution count) and acknowledged once as new.
// Exit code 1 when any check fails.
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon, { type Result } from 'autocannon';

const { values: o } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.LOAD_URL ?? 'http://127.0.0.1:3000' },
    key: { type: 'string', default: process.env.LOAD_KEY },
    connections: { type: 'string', default: '1000' },
    ramp: { type: 'string', default: '2000' },
    'connection-rate': { type: 'string', default: '1' },
    duration: { type: 'string', default: '30' },
    keys: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '30' },
    'dup-clients': { type: 'string', default: '20' },
    'dup-batches': { type: 'string', default: '10' },
    'dup-size': { type: 'string', default: '200' },
  },
});
if (!o.key) throw new Error('--key fm_… (an admin key, e.g. the demo key npm start prints) is required');
const adminKey = o.key;
const num = (s: string | undefined) => Number(s);
const auth = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

async function api(method: string, path: string, key: string, body?: unknown) {
  const res = await fetch(`${o.url}${path}`, { method, headers: auth(key), body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, retryAfter: Number(res.headers.get('retry-after') ?? 1), json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

async function readKeys(n: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await api('POST', '/api/v1/keys', adminKey, { name: `load-${i}`, scopes: ['read'] });
    if (res.status !== 201) throw new Error(`creating a read key answered ${res.status}: ${JSON.stringify(res.json)}`);
    keys.push(String(res.json!.key));
  }
  return keys;
}

/**
 * autocannon instances of 50 connections each, started --ramp ms apart in total (a thousand
 * clients do not connect in the same millisecond), then all connections are held for --duration
 * seconds. Latency percentiles come from every response, errors from every instance. A saturated
 * Node server accepts only a few new connections per second (README "Load test"): connections that
 * arrive after saturation wait in the accept queue and show up here as timeouts.
 */
async function readLoad(): Promise<boolean> {
  const keys = await readKeys(num(o.keys));
  const paths = ['/api/v1/analytics/insights/summary?days=7', '/api/v1/analytics/insights/report?days=30'];
  const [connections, group, rate] = [num(o.connections), 50, num(o['connection-rate'])];
  const groups = Math.ceil(connections / group);
  let next = 0;
  const latencies: number[] = [];
  const instances: { stop(): void }[] = [];
  const runs: Promise<Result>[] = [];
  const pace = rate > 0 ? `${rate} request/s each (${rate * connections}/s offered)` : 'each as fast as answered (closed loop)';
  console.log(`read load: ${connections} connections (opened over ${o.ramp} ms), ${pace}, held ${o.duration} s on summary + report, ${keys.length} keys`);
  const t0 = Date.now();
  for (let g = 0; g < groups; g++) {
    if (g > 0) await sleep(num(o.ramp) / groups);
    runs.push(new Promise((resolve, reject) => {
      const instance = autocannon({
        url: o.url!,
        connections: Math.min(group, connections - g * group),
        ...(rate > 0 ? { connectionRate: rate } : {}),
        duration: 3600, // stopped below
        timeout: num(o.timeout),
        requests: paths.map((path) => ({ method: 'GET', path })),
        // Each connection is one client with its own key (round robin over the keys).
        setupClient: (client) => {
          const key = keys[next++ % keys.length];
          client.setRequests(paths.map((path) => ({ method: 'GET', path, headers: { authorization: `Bearer ${key}` } })));
        },
      }, (err, result) => (err ? reject(err) : resolve(result)));
      instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      instances.push(instance);
    }));
  }
  await sleep(num(o.duration) * 1000);
  instances.forEach((i) => i.stop());
  const results = await Promise.all(runs);
  const seconds = (Date.now() - t0) / 1000;
  const sum = (f: (r: Result) => number) => results.reduce((n, r) => n + f(r), 0);
  const [non2xx, errors, timeouts] = [sum((r) => r.non2xx), sum((r) => r.errors), sum((r) => r.timeouts)];
  const codes = new Map<string, number>();
  for (const r of results) for (const [c, s] of Object.entries(r.statusCodeStats ?? {})) codes.set(c, (codes.get(c) ?? 0) + s.count);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  // autocannon counts a timed-out request as a connection error too: report them once.
  const failed = non2xx + errors;
  console.log(`  requests ${latencies.length + timeouts} in ${seconds.toFixed(1)} s (${(latencies.length / seconds).toFixed(0)}/s answered), errors ${failed} (non-2xx ${non2xx}, timeouts > ${o.timeout} s ${timeouts}, other connection errors ${errors - timeouts}); statuses ${[...codes].map(([c, n]) => `${c}×${n}`).join(' ')}`);
  console.log(`  latency ms: p50 ${pct(50)}, p90 ${pct(90)}, p99 ${pct(99)}, max ${latencies.at(-1) ?? 0}`);
  return failed === 0;
}

async function duplicateIngest(): Promise<boolean> {
  const pipeline = `load-dup-${Date.now().toString(36)}`;
  const [clients, batches, size] = [num(o['dup-clients']), num(o['dup-batches']), num(o['dup-size'])];
  const started = Date.now() - 3_600_000;
  const body = (b: number) => ({
    executions: Array.from({ length: size }, (_, i) => ({
      id: `${pipeline}-${b}-${i}`, pipeline_id: pipeline, status: 'success', started_at: new Date(started + b * size + i).toISOString(), duration_ms: 100 + i,
      stages: [{ stage_id: 'answer', provider: 'openai', model: 'gpt-4o-mini', duration_ms: 90, input_tokens: 500, output_tokens: 80 }],
    })),
  });
  const bodies = Array.from({ length: batches }, (_, b) => body(b));
  const totals = { accepted: 0, duplicates: 0, rejected: 0, retries: 0, failures: 0 };
  console.log(`duplicate ingest: ${clients} clients post the same ${batches} batches of ${size} executions (pipeline ${pipeline})`);
  const t0 = Date.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let k = 0; k < batches; k++) {
      const b = bodies[(k + c) % batches]; // each client starts elsewhere: maximal overlap in flight
      for (let attempt = 0; ; attempt++) {
        const res = await api('POST', '/api/v1/executions', adminKey, b);
        if (res.status === 200) {
          totals.accepted += Number(res.json!.accepted);
          totals.duplicates += Number(res.json!.duplicates);
          totals.rejected += (res.json!.rejected as unknown[]).length;
          break;
        }
        if ((res.status === 429 || res.status === 503) && attempt < 20) {
          totals.retries += 1;
          await sleep(res.retryAfter * 1000);
          continue;
        }
        totals.failures += 1;
        console.log(`  batch answered ${res.status}: ${JSON.stringify(res.json)}`);
        break;
      }
    }
  }));
  const unique = batches * size;
  const listed = await api('GET', '/api/v1/pipelines', adminKey);
  const stored = (listed.json?.pipelines as { pipeline_id: string; executions: number }[]).find((p) => p.pipeline_id === pipeline)?.executions ?? 0;
  console.log(`  ${clients * unique} executions posted in ${((Date.now() - t0) / 1000).toFixed(1)} s: accepted ${totals.accepted}, duplicates ${totals.duplicates}, rejected ${totals.rejected}, retries ${totals.retries}, failed requests ${totals.failures}`);
  console.log(`  unique executions ${unique}, stored ${stored} (${stored === unique ? 'each exactly once' : 'MISMATCH'})`);
  return stored === unique && totals.accepted === unique && totals.duplicates === unique * (clients - 1) && totals.failures === 0;
}

const ok = [await readLoad(), await duplicateIngest()];
console.log(ok.every(Boolean) ? 'load: all checks passed' : 'load: CHECKS FAILED');
process.exit(ok.every(Boolean) ? 0 : 1);
