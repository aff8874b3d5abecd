import { DateTime } from "luxon";

/**
 * Outlook names zones the Windows way ("GMT Standard Time"); the emulator keeps a small table
 * of the common ones and accepts IANA names as well.
 */
const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: "UTC",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "W. Europe Standard Time": "Europe/Berlin",
  "Romance Standard Time": "Europe/Paris",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "E. Europe Standard Time": "Europe/Chisinau",
  "FLE Standard Time": "Europe/Kiev",
  "Eastern Standard Time": "America/New_York",
  "Central Standard Time": "America/Chicago",
  "Mountain Standard Time": "America/Denver",
  "Pacific Standard Time": "America/Los_Angeles",
  "India Standard Time": "Asia/Kolkata",
  "China Standard Time": "Asia/Shanghai",
  "Tokyo Standard Time": "Asia/Tokyo",
  "Singapore Standard Time": "Asia/Singapore",
  "AUS Eastern Standard Time": "Australia/Sydney",
};

const IANA_TO_WINDOWS: Record<string, string> = Object.fromEntries(
  Object.entries(WINDOWS_TO_IANA).map(([windows, iana]) => [iana, windows]),
);

/** IANA zone for a Graph `timeZone` value, or undefined when unknown. */
export function ianaZone(name: string | undefined): string | undefined {
  if (!name) return "UTC";
  const mapped = WINDOWS_TO_IANA[name];
  if (mapped) return mapped;
  return DateTime.now().setZone(name).isValid ? name : undefined;
}

/** The name Outlook would show for an IANA zone. */
export function windowsZone(iana: string): string {
  return IANA_TO_WINDOWS[iana] ?? iana;
}

/** Graph `dateTimeTimeZone` -> epoch ms; throws on a bad value. */
export function instantOf(value: { dateTime: string; timeZone?: string | undefined }): number {
  const zone = ianaZone(value.timeZone);
  if (!zone) throw new Error(`unknown time zone ${value.timeZone}`);
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  if (!parsed.isValid) throw new Error(`bad dateTime ${value.dateTime}`);
  return parsed.toMillis();
}

/** epoch ms -> Graph `dateTimeTimeZone` in `zoneName` (Windows or IANA), 7 fraction digits like Graph. */
export function dateTimeTimeZone(ms: number, zoneName = "UTC"): { dateTime: string; timeZone: string } {
  const zone = ianaZone(zoneName) ?? "UTC";
  const local = DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
  return { dateTime: `${local}.0000000`, timeZone: zoneName };
}

/** Graph's UTC instant format for createdDateTime and friends. */
export function graphInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, millis: string) => `.${millis}0000Z`);
}
