import { z } from "zod";

/** A record that an email was sent, written conditionally so nothing is sent twice. */
export const Delivery = z.object({
  userId: z.string(),
  kind: z.enum(["briefing", "digest", "weekly_report"]),
  /** What it was for: meeting id + version, digest date, report week. */
  key: z.string(),
  sentAt: z.string(),
});
export type Delivery = z.infer<typeof Delivery>;
