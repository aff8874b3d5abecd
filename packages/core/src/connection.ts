import { z } from "zod";
import { Provider } from "./provider.ts";

/** Where each incremental sync left off. Opaque provider cursors, kept between rounds. */
export const SyncCursors = z.object({
  /** Graph calendarView delta: the full deltaLink URL and the window it covers. */
  calendarDeltaLink: z.string().optional(),
  windowStart: z.string().optional(),
  windowEnd: z.string().optional(),
  /** Graph messages delta per folder. */
  inboxDeltaLink: z.string().optional(),
  sentDeltaLink: z.string().optional(),
  /** Google Calendar `nextSyncToken`. */
  calendarSyncToken: z.string().optional(),
  /** Gmail `historyId`. */
  mailHistoryId: z.string().optional(),
});
export type SyncCursors = z.infer<typeof SyncCursors>;

export const ConnectionStatus = z.enum(["active", "needs-reauth", "error"]);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const Connection = z.object({
  userId: z.string(),
  provider: Provider,
  /** Provider account id (Graph user id / Google `sub`). */
  accountId: z.string(),
  accountEmail: z.string(),
  /** Envelope-encrypted refresh token (see platform/token-vault). Never logged. */
  encryptedRefreshToken: z.string(),
  scopes: z.array(z.string()).default([]),
  status: ConnectionStatus,
  /** Short, user-facing reason when status is not active; no provider text. */
  statusReason: z.string().optional(),
  cursors: SyncCursors.default({}),
  lastSyncAt: z.string().optional(),
  /** Not before this instant (429/503 Retry-After). */
  retryAfter: z.string().optional(),
  /** Renewal trouble, shown to the user and alerted. */
  subscriptionAlert: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Connection = z.infer<typeof Connection>;
