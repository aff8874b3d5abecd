import { z } from "zod";
import { RelationshipLevel } from "./contact.ts";

const Weekday = z.number().int().min(1).max(7); // ISO weekday: 1 = Monday

export const BriefingSettings = z.object({
  enabled: z.boolean().default(true),
  /** Minutes before a meeting that its briefing is sent. */
  leadMinutes: z.number().int().min(5).max(24 * 60).default(60),
  /** One morning digest of the day's meetings instead of one email per meeting. */
  digest: z.boolean().default(false),
  /** Local hour of the morning digest. */
  digestHour: z.number().int().min(0).max(23).default(7),
  /** ISO weekdays on which nothing is sent. */
  quietDays: z.array(Weekday).default([]),
});
export type BriefingSettings = z.infer<typeof BriefingSettings>;

export const ReportSettings = z.object({
  enabled: z.boolean().default(true),
  day: Weekday.default(1),
  hour: z.number().int().min(0).max(23).default(8),
});
export type ReportSettings = z.infer<typeof ReportSettings>;

export const UserSettings = z.object({
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: z.string().default("UTC"),
  briefing: BriefingSettings.default(BriefingSettings.parse({})),
  report: ReportSettings.default(ReportSettings.parse({})),
  /** Domains counted as internal besides the user's own. */
  internalDomains: z.array(z.string()).default([]),
  /** The user's other addresses (aliases), normalized. */
  aliases: z.array(z.string()).default([]),
  /** Reconnect cadence in days per level; absent levels have no cadence. */
  cadenceDays: z.partialRecord(RelationshipLevel, z.number().int().min(1)).default({ trusted: 30 }),
  /** Cadence for key contacts whatever their level. */
  keyCadenceDays: z.number().int().min(1).default(30),
});
export type UserSettings = z.infer<typeof UserSettings>;

export const User = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().optional(),
  settings: UserSettings,
  /** Token that lets the unsubscribe link work without signing in. */
  unsubscribeToken: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

export function defaultUserSettings(overrides: Partial<UserSettings> = {}): UserSettings {
  return UserSettings.parse(overrides);
}
