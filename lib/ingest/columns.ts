import type { ExecutionRow } from './normalize';

// Column arrays for the unnest insert, each sent as ONE PostgreSQL array literal ('{…}') that the
// statement casts ($2::text[] …). node-postgres would build the same literal element by element
// (two regex replaces and several string copies per value, ~3 µs each) and format every Date in
// the local time zone; at ~45,000 values a batch that was 15–20 ms of CPU, this is ~6 ms.
// Timestamps go as ISO strings, money as exact decimal text.

const NEEDS_ESCAPE = /["\\]/;

/** A PostgreSQL array literal: numbers bare, strings double-quoted with `"` and `\` escaped. */
export function pgArray(values: ReadonlyArray<string | number | null>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) parts[i] = 'NULL';
    else if (typeof v === 'number') parts[i] = String(v);
    else parts[i] = NEEDS_ESCAPE.test(v) ? `"${v.replace(/["\\]/g, '\\$&')}"` : `"${v}"`;
  }
  return `{${parts.join(',')}}`;
}

const money = (n: number) => n.toFixed(10);

/** $2…$15 of the insert: one entry per execution, in the order of `rows`. */
export function executionColumns(rows: ExecutionRow[]): string[] {
  const n = rows.length;
  const cols = Array.from({ length: 14 }, () => new Array<string | number | null>(n));
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    cols[0][i] = r.id;
    cols[1][i] = r.startedAt.toISOString();
    cols[2][i] = r.pipelineId;
    cols[3][i] = r.status;
    cols[4][i] = r.completedAt.toISOString();
    cols[5][i] = r.durationMs;
    cols[6][i] = r.errorType;
    cols[7][i] = r.errorMessage;
    cols[8][i] = money(r.costUsd);
    cols[9][i] = r.inputTokens;
    cols[10][i] = r.outputTokens;
    cols[11][i] = r.stages.length;
    cols[12][i] = r.unpricedStages;
    cols[13][i] = r.metadata ? JSON.stringify(r.metadata) : null;
  }
  return cols.map(pgArray);
}

/** $16…$30: one entry per stage; `n` is the 1-based position of its execution in `rows`. */
export function stageColumns(rows: ExecutionRow[]): string[] {
  const cols = Array.from({ length: 15 }, () => [] as Array<string | number | null>);
  rows.forEach((r, i) => {
    for (const s of r.stages) {
      cols[0].push(i + 1);
      cols[1].push(s.stageIndex);
      cols[2].push(s.stageId);
      cols[3].push(s.stageType);
      cols[4].push(s.provider);
      cols[5].push(s.model);
      cols[6].push(s.status);
      cols[7].push(s.durationMs);
      cols[8].push(s.inputTokens);
      cols[9].push(s.outputTokens);
      cols[10].push(s.cachedInputTokens);
      cols[11].push(s.reasoningTokens);
      cols[12].push(money(s.costUsd));
      cols[13].push(s.costSource);
      cols[14].push(s.errorType);
    }
  });
  return cols.map(pgArray);
}
