'use client';
import { useHydrated } from '@/components/data/hydration-mark';
import { formatInstant } from '@/lib/dashboard/format';

/**
 * An instant in the viewer's time zone. The server cannot know that zone, so its HTML (and the
 * browser's hydration of it, which must produce the same text: React error #418 otherwise) says
 * the time in UTC; right after hydration it becomes the viewer's.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const hydrated = useHydrated();
  return <time dateTime={iso} data-testid="local-time">{formatInstant(iso, { timeZone: hydrated ? undefined : 'UTC', dateOnly })}</time>;
}
