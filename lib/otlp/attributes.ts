// OTLP AnyValue → plain JS values, and typed readers over an attribute map. Works on the OTLP/JSON
// shape, which is also what the protobuf decoder produces (int64 as decimal strings).

export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = Record<string, AttrValue>;

// Nested arrays / kvlists deeper than this are dropped: no attribute we read is nested, and a
// hostile body must not be able to recurse us into a stack overflow.
const MAX_DEPTH = 8;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// PostgreSQL stores neither NUL nor lone UTF-16 surrogates (text drops to U+FFFD, jsonb refuses
// the escape outright); telemetry strings are cleaned here, once, rather than failing a request.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const cleanText = (s: string) => s.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');

/** At most `max` UTF-16 units, never cutting a surrogate pair in two (which would leave a lone one). */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

export function anyValue(v: unknown, depth = 0): AttrValue {
  if (!isObject(v) || depth > MAX_DEPTH) return null;
  if (typeof v.stringValue === 'string') return cleanText(v.stringValue);
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (v.intValue !== undefined && v.intValue !== null) {
    const n = Number(v.intValue);
    return Number.isFinite(n) ? n : null;
  }
  if (v.doubleValue !== undefined && v.doubleValue !== null) {
    const n = Number(v.doubleValue); // JSON may carry "NaN" / "Infinity" as strings
    return Number.isFinite(n) ? n : null;
  }
  if (isObject(v.arrayValue)) {
    const values = Array.isArray(v.arrayValue.values) ? v.arrayValue.values : [];
    return values.map((x) => anyValue(x, depth + 1));
  }
  if (isObject(v.kvlistValue)) return attributeMap(v.kvlistValue.values, depth + 1);
  return null; // bytesValue and empty values carry nothing we use
}

/** A repeated KeyValue → {key: value}; later duplicates win, as the SDKs' own maps do. */
export function attributeMap(list: unknown, depth = 0): Attributes {
  const out: Attributes = {};
  if (!Array.isArray(list)) return out;
  for (const kv of list) {
    if (isObject(kv) && typeof kv.key === 'string') out[cleanText(kv.key)] = anyValue(kv.value, depth);
  }
  return out;
}

/** The first of `keys` that holds a non-empty string (numbers are stringified). */
export function attrString(attrs: Attributes, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = attrs[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/**
 * Like attrString, but a blank string that is present is returned as '' instead of skipped: for
 * the labels the contract refuses when empty (pipeline_id, model, provider, error_type), so the
 * execution fails validation and its spans are rejected in the partial success, never stored
 * with a '' the rollups would read as "none".
 */
export function attrLabel(attrs: Attributes, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = attrs[k];
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** The first of `keys` that holds a finite number (numeric strings count: some SDKs stringify). */
export function attrNumber(attrs: Attributes, ...keys: string[]): number | undefined {
  for (const k of keys) {
    const v = attrs[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v) && Number.isFinite(Number(v))) return Number(v);
  }
  return undefined;
}

/** A token count: a number rounded to an integer (JS SDKs send integral doubles as intValue anyway). */
export function attrInt(attrs: Attributes, ...keys: string[]): number | undefined {
  const n = attrNumber(attrs, ...keys);
  return n === undefined ? undefined : Math.round(n);
}
