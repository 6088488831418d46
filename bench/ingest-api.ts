import { generateDemoExecutions } from '@/lib/demo';

// Ingest throughput through the HTTP API: batches of 1,000 demo executions (~3 stages each),
// bodies serialised up front (a client's cost, not the server's), posted by `clients` concurrent
// clients until all are sent. Every response must be 200 with all items accepted.

export interface IngestFigure {
  executions: number;
  stages: number;
  seconds: number;
  executions_per_s: number;
  clients: number;
  batch_size: number;
}

export async function measureIngest(url: string, key: string, opts: { batches: number; clients: number; seed: number }): Promise<IngestFigure> {
  const bodies: string[] = [];
  let stages = 0;
  for (const batch of generateDemoExecutions({ now: new Date(), total: opts.batches * 1000, days: 7, seed: opts.seed })) {
    stages += batch.reduce((n, e) => n + (e.stages?.length ?? 0), 0);
    bodies.push(JSON.stringify({ executions: batch }));
  }
  let next = 0;
  let accepted = 0;
  const client = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await fetch(`${url}/api/v1/executions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body,
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`ingest → ${res.status}: ${text.slice(0, 300)}`);
      accepted += (JSON.parse(text) as { accepted: number }).accepted;
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: opts.clients }, client));
  const seconds = (performance.now() - t) / 1000;
  if (accepted !== opts.batches * 1000) throw new Error(`ingest accepted ${accepted} of ${opts.batches * 1000}`);
  return {
    executions: accepted,
    stages,
    seconds: Math.round(seconds * 100) / 100,
    executions_per_s: Math.round(accepted / seconds),
    clients: opts.clients,
    batch_size: 1000,
  };
}
