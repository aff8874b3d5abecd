/**
 * Local midnight of a calendar date in an IANA zone, as a UTC instant. Uses the platform's
 * Intl time-zone data, so no library is needed for this one conversion. An unknown zone falls
 * back to UTC rather than failing the whole event.
 */
export function zonedMidnightToUtc(date: string, zone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const wallClock = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const first = offsetMs(zone, wallClock);
  let utc = wallClock - first;
  const second = offsetMs(zone, utc); // the offset may differ across a DST change that day
  if (second !== first) utc = wallClock - second;
  return new Date(utc).toISOString();
}

function offsetMs(zone: string, instant: number): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(new Date(instant));
  } catch {
    return 0;
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return local - instant;
}
