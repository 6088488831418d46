import fs from 'node:fs';
import readline from 'node:readline';
import { parse } from 'csv-parse';

// Readers for `cli import`: each yields the file's records with their line numbers, as ingest
// items or as a line that could not become one (not JSON, a broken CSV row). Both stream: a file
// of any size is read with the memory of one batch.

export type ImportError = { path: string; message: string };
export type ImportRecord = { line: number; item: unknown } | { line: number; id?: string; errors: ImportError[] };

/** JSON Lines: one execution object per line; blank lines are skipped. */
export async function* readJsonl(file: string): AsyncGenerator<ImportRecord> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    try {
      yield { line, item: JSON.parse(trimmed) as unknown };
    } catch (err) {
      yield { line, errors: [{ path: '', message: `is not valid JSON (${(err as Error).message})` }] };
    }
  }
}

/**
 * CSV, one row per execution, with a header row naming the columns (any order; unknown columns are
 * ignored, like unknown JSON fields): id, pipeline_id, status, started_at, duration_ms,
 * completed_at, error_type, error_message, cost_usd, metadata (a JSON object), stages (a JSON array
 * of stage objects, as in the API). An empty cell is an absent field.
 */
export const CSV_COLUMNS = ['id', 'pipeline_id', 'status', 'started_at', 'duration_ms', 'completed_at', 'error_type', 'error_message', 'cost_usd', 'metadata', 'stages'] as const;
const NUMBER_COLUMNS = new Set(['duration_ms', 'cost_usd']);
const JSON_COLUMNS = new Set(['metadata', 'stages']);
const NUMERIC = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function csvItem(record: Record<string, string>): { item: Record<string, unknown> } | { errors: ImportError[] } {
  const item: Record<string, unknown> = {};
  const errors: ImportError[] = [];
  for (const [column, raw] of Object.entries(record)) {
    const cell = raw.trim();
    if (cell === '') continue;
    if (NUMBER_COLUMNS.has(column)) {
      // Not a number: keep the text, and validation names the column ("must be a number").
      item[column] = NUMERIC.test(cell) ? Number(cell) : cell;
    } else if (JSON_COLUMNS.has(column)) {
      try {
        item[column] = JSON.parse(cell) as unknown;
      } catch (err) {
        errors.push({ path: column, message: `is not valid JSON (${(err as Error).message})` });
      }
    } else {
      item[column] = raw;
    }
  }
  return errors.length > 0 ? { errors } : { item };
}

const newlines = (record: Record<string, string>) => Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);

export async function* readCsv(file: string): AsyncGenerator<ImportRecord> {
  const skipped: ImportRecord[] = [];
  const parser = fs.createReadStream(file).pipe(
    parse({ columns: (header: string[]) => header.map((h) => h.trim()), bom: true, info: true, skip_empty_lines: true, skip_records_with_error: true }),
  );
  parser.on('skip', (err: Error & { lines?: number }) => {
    skipped.push({ line: err.lines ?? 0, errors: [{ path: '', message: `is not a valid CSV row (${err.message})` }] });
  });
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    // info.lines is where the record ends; a quoted field may span lines, so count back to its start.
    const line = info.lines - newlines(record);
    const converted = csvItem(record);
    yield 'item' in converted ? { line, item: converted.item } : { line, id: record.id || undefined, errors: converted.errors };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

export function readerFor(file: string): (file: string) => AsyncGenerator<ImportRecord> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return readJsonl;
  if (lower.endsWith('.csv')) return readCsv;
  throw new Error(`cannot import ${file}: the file name must end in .jsonl, .ndjson or .csv`);
}
