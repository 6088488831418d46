// Ingest clients of the outage drill (scripts/outage.ts) and its verdict. A client posts batches
// of 50 new executions; on 503/429 it waits Retry-After (at most 1 s, to keep probing) and sends
// the same batch again, as a real client would; a batch counts as acknowledged once it got a 200.

export type Sample = { start: number; end: number; status: number; retryAfter: string | null; error?: string };

const HANG_MS = 10_000; // the contract: an answer within 10 s, even with the database gone

export async function ingestClient(base: string, key: string, client: number, samples: Sample[], acked: Set<string>, stop: { now: boolean }) {
  for (let seq = 0; !stop.now; seq++) {
    const ids = Array.from({ length: 50 }, (_, i) => `c${client}-${seq}-${i}`);
    const body = JSON.stringify({
      executions: ids.map((id, i) => ({
        id, pipeline_id: `outage-${client}`, status: 'success', started_at: new Date(Date.now() - 60_000 - i).toISOString(), duration_ms: 100 + i,
        stages: [{ stage_id: 'answer', provider: 'openai', model: 'gpt-4o-mini', duration_ms: 90, input_tokens: 400, output_tokens: 60 }],
      })),
    });
    for (;;) {
      const start = Date.now();
      let sample: Sample;
      try {
        const res = await fetch(`${base}/api/v1/executions`, {
          method: 'POST', body, signal: AbortSignal.timeout(HANG_MS + 5_000),
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        });
        const json = (await res.json().catch(() => null)) as { rejected?: { index: number }[] } | null;
        sample = { start, end: Date.now(), status: res.status, retryAfter: res.headers.get('retry-after') };
        if (res.status === 200) {
          const rejected = new Set((json?.rejected ?? []).map((r) => r.index));
          ids.forEach((id, i) => !rejected.has(i) && acked.add(id));
        }
      } catch (err) {
        sample = { start, end: Date.now(), status: 0, retryAfter: null, error: (err as Error).message };
      }
      samples.push(sample);
      if (sample.status === 200 || stop.now) break;
      const wait = Math.min(1, Number(sample.retryAfter ?? 1) || 1);
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
  }
}

type Marks = { down: number; up: number; recovered: number; acked: number; stored: number; missing: number };

export function summarise(samples: Sample[], m: Marks, say: (line: string) => void): boolean {
  const during = samples.filter((s) => s.start >= m.down && s.end <= m.up);
  const count = (list: Sample[]) => Object.entries(list.reduce<Record<string, number>>((a, s) => ({ ...a, [s.status || s.error || '?']: (a[s.status || s.error || '?'] ?? 0) + 1 }), {}))
    .map(([k, n]) => `${k}×${n}`).join(' ');
  const slowest = during.reduce((x, s) => Math.max(x, s.end - s.start), 0);
  const fivexx = samples.filter((s) => s.status >= 500 && s.status !== 503).length;
  const hangs = samples.filter((s) => s.status === 0 || s.end - s.start > HANG_MS).length;
  const no503RetryAfter = samples.filter((s) => s.status === 503 && !s.retryAfter).length;
  const served503 = during.filter((s) => s.status === 503).length;
  say(`requests ${samples.length}: ${count(samples)}`);
  say(`during the outage (${((m.up - m.down) / 1000).toFixed(1)} s): ${during.length} requests, ${count(during)}; slowest answer ${slowest} ms`);
  say(`5xx other than 503: ${fivexx}; no answer within ${HANG_MS / 1000} s: ${hangs}; 503 without Retry-After: ${no503RetryAfter}`);
  say(`recovered ${((m.recovered - m.up) / 1000).toFixed(1)} s after PostgreSQL was started again (first 200)`);
  say(`executions acknowledged (200) ${m.acked}, found in the database ${m.stored}, acknowledged but missing ${m.missing}`);
  const checks = { 'no 5xx but 503': fivexx === 0, 'no hang': hangs === 0, 'Retry-After on every 503': no503RetryAfter === 0, '503 during the outage': served503 > 0, 'every acknowledged execution stored': m.missing === 0 && m.acked > 0 };
  for (const [name, passed] of Object.entries(checks)) say(`${passed ? 'ok  ' : 'FAIL'} ${name}`);
  return Object.values(checks).every(Boolean);
}
