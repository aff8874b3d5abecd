import { DateTime } from "luxon";

/**
 * Outlook names time zones the Windows way ("GMT Standard Time"). The common ones map to IANA
 * here; IANA names pass through; anything else is treated as UTC by the caller.
 */
const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: "UTC",
  "Coordinated Universal Time": "UTC",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "W. Europe Standard Time": "Europe/Berlin",
  "Romance Standard Time": "Europe/Paris",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "E. Europe Standard Time": "Europe/Chisinau",
  "FLE Standard Time": "Europe/Kiev",
  "GTB Standard Time": "Europe/Bucharest",
  "Russian Standard Time": "Europe/Moscow",
  "Israel Standard Time": "Asia/Jerusalem",
  "Arabian Standard Time": "Asia/Dubai",
  "India Standard Time": "Asia/Kolkata",
  "China Standard Time": "Asia/Shanghai",
  "Singapore Standard Time": "Asia/Singapore",
  "Tokyo Standard Time": "Asia/Tokyo",
  "AUS Eastern Standard Time": "Australia/Sydney",
  "New Zealand Standard Time": "Pacific/Auckland",
  "Eastern Standard Time": "America/New_York",
  "Central Standard Time": "America/Chicago",
  "Mountain Standard Time": "America/Denver",
  "US Mountain Standard Time": "America/Phoenix",
  "Pacific Standard Time": "America/Los_Angeles",
  "Alaskan Standard Time": "America/Anchorage",
  "Hawaiian Standard Time": "Pacific/Honolulu",
  "Atlantic Standard Time": "America/Halifax",
  "E. South America Standard Time": "America/Sao_Paulo",
  "South Africa Standard Time": "Africa/Johannesburg",
};

/** IANA zone for a Graph time zone name, or undefined when unknown. */
export function toIanaZone(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const mapped = WINDOWS_TO_IANA[name];
  if (mapped) return mapped;
  return DateTime.local().setZone(name).isValid ? name : undefined;
}

/** Graph `dateTimeTimeZone` -> ISO instant in UTC. `fallbackZone` when the value names none. */
export function toUtcInstant(
  value: { dateTime: string; timeZone?: string | null },
  fallbackZone = "UTC",
): string {
  const zone = toIanaZone(value.timeZone) ?? fallbackZone;
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  if (!parsed.isValid) throw new Error(`unreadable dateTime ${value.dateTime}`);
  return parsed.toUTC().toISO() as string;
}

/** Graph instants ("2026-03-24T10:00:00.1234567Z", "0001-01-01T00:00:00Z") -> ISO, or undefined for the null date. */
export function graphInstant(value: string | null | undefined): string | undefined {
  if (!value || value.startsWith("0001-01-01")) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
