import { formatCount, formatMs, formatRatioAsPercent, formatUsd } from '@/lib/format';

// Dashboard formatting on top of lib/format: changes, bucket labels and the numbers inside an
// insight's `data`, whose meaning shows in the key's name (…_cost → $, …_ms → ms, …_rate → %).

/** A percent change (45.2 = +45.2%) with its sign; "—" when undefined. */
export function formatChange(percent: number | null | undefined, digits = 1): string {
  if (percent == null || !Number.isFinite(percent)) return '—';
  const fixed = Math.abs(percent).toFixed(digits);
  if (Number(fixed) === 0) return `0${digits ? '.' + '0'.repeat(digits) : ''}%`;
  return `${percent > 0 ? '+' : '−'}${fixed}%`;
}

export type Tone = 'good' | 'bad' | 'neutral';
/** Whether a change is good news: for cost and latency up is bad, for success rate up is good. */
export function changeTone(percent: number | null | undefined, upIsGood: boolean, deadband = 1): Tone {
  if (percent == null || Math.abs(percent) < deadband) return 'neutral';
  return percent > 0 === upIsGood ? 'good' : 'bad';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A bucket label (`YYYY-MM-DD` or `YYYY-MM-DDTHH:00`, already in the organisation's time zone) for
 * people: "Nov 21" / "Nov 21, 14:00". Read as text, never through Date, so no time zone shifts it.
 */
export function formatBucket(label: string, withYear = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(label);
  if (!m) return label;
  const day = `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}${withYear ? `, ${m[1]}` : ''}`;
  return m[4] ? `${day}, ${m[4]}:${m[5]}` : day;
}

/**
 * An ISO instant for people ("Nov 21, 2026, 14:05", one form for every locale) in the viewer's
 * zone, or in `timeZone` when given and then named ("Nov 21, 2026, 14:05 UTC"); `dateOnly` drops
 * the time. The server's HTML uses UTC: it cannot know the viewer's zone (components/ui/local-time).
 */
export function formatInstant(iso: string | null | undefined, { timeZone, dateOnly = false }: { timeZone?: string; dateOnly?: boolean } = {}): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toLocaleString('en-US', {
    month: 'short', day: 'numeric', year: 'numeric', timeZone,
    ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const }),
  });
  return timeZone && !dateOnly ? `${text} ${timeZone}` : text;
}

/** A value from an insight's `data`, formatted by what its key says it is. */
export function formatDataValue(key: string, value: unknown): string {
  if (typeof value !== 'number') return typeof value === 'string' ? value : JSON.stringify(value);
  if (/(_usd|_cost|cost$|savings|price)/.test(key)) return formatUsd(value);
  if (/_percent$/.test(key)) return `${value.toFixed(1)}%`;
  if (/(_rate|_share|^share)$/.test(key) || key === 'failure_rate' || key === 'success_rate') return formatRatioAsPercent(value);
  if (/(_ms|_ms_\w+)$/.test(key)) return formatMs(value);
  if (/_minutes$/.test(key)) return `${value.toFixed(1)} min`;
  if (/p_value/.test(key)) return value < 0.0001 ? '< 0.0001' : value.toFixed(4);
  if (Number.isInteger(value)) return formatCount(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** `increase_percent` → "Increase percent". */
export const humanizeKey = (key: string) => (key.charAt(0).toUpperCase() + key.slice(1)).replace(/_/g, ' ');
