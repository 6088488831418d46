// The time zones the API accepts (settings, day buckets): checked here, below every layer that
// uses them, because a schema refines on it.

/** An IANA zone both Intl and PostgreSQL understand; anything unusable falls back to UTC. */
export function usableTimeZone(tz: string | null | undefined): string {
  if (!tz || !/^[A-Za-z0-9_+\-/]{1,64}$/.test(tz)) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}
