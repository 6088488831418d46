import type { TimeWindow } from '@/lib/insights/buckets';
import { listHours, windowDayLabels } from '@/lib/insights/buckets';

// Time-zone helpers of the analytics service (pure). Labels match the SQL's to_char formats.
// Which zones are usable at all: lib/schemas/time-zone.ts.

/** `YYYY-MM-DDTHH:00` of an instant in a time zone. */
export function localHour(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:00`;
}

/** Every local hour label a window touches, from the hour it starts in to the hour it ends in. */
export function windowHourLabels(window: TimeWindow, timeZone: string): string[] {
  const days = windowDayLabels(window, timeZone);
  const first = localHour(window.start, timeZone);
  const last = localHour(new Date(Date.parse(window.end) - 1).toISOString(), timeZone);
  return listHours(days[0], days[days.length - 1]).filter((h) => h >= first && h <= last);
}
