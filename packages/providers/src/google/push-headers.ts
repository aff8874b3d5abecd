import { z } from "zod";

/**
 * The headers of a Google Calendar push notification. The request has no body; these headers
 * are all there is. Token and expiration appear only when the channel was created with them.
 */
export const GooglePushHeaders = z.object({
  "x-goog-channel-id": z.string().min(1).max(64),
  "x-goog-channel-token": z.string().max(256).optional(),
  "x-goog-channel-expiration": z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), "not a date")
    .optional(),
  "x-goog-resource-id": z.string().min(1),
  "x-goog-resource-uri": z.string().min(1),
  "x-goog-resource-state": z.enum(["sync", "exists", "not_exists"]),
  "x-goog-message-number": z.string().regex(/^\d+$/, "not a number"),
});

export interface GooglePushNotification {
  channelId: string;
  channelToken?: string;
  /** ISO instant, from the human-readable `X-Goog-Channel-Expiration`. */
  channelExpiration?: string;
  resourceId: string;
  resourceUri: string;
  /** `sync` right after watch; `exists` on any change (including deletion). */
  resourceState: "sync" | "exists" | "not_exists";
  messageNumber: number;
}

export type PushHeadersResult =
  | { ok: true; notification: GooglePushNotification }
  | { ok: false; error: string };

/** Pure: headers in any case (a Fetch `Headers` or a plain record) -> typed notification or a reason. */
export function parseGooglePushHeaders(
  headers: Headers | Record<string, string | string[] | undefined>,
): PushHeadersResult {
  const lower: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (!key.startsWith("x-goog-")) continue;
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined) lower[key] = single;
  }
  const parsed = GooglePushHeaders.safeParse(lower);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `invalid Google push headers: ${String(issue?.path[0] ?? "")} ${issue?.message ?? ""}`.trim(),
    };
  }
  const h = parsed.data;
  const notification: GooglePushNotification = {
    channelId: h["x-goog-channel-id"],
    resourceId: h["x-goog-resource-id"],
    resourceUri: h["x-goog-resource-uri"],
    resourceState: h["x-goog-resource-state"],
    messageNumber: Number(h["x-goog-message-number"]),
  };
  if (h["x-goog-channel-token"] !== undefined) notification.channelToken = h["x-goog-channel-token"];
  const expiration = h["x-goog-channel-expiration"];
  if (expiration !== undefined)
    notification.channelExpiration = new Date(Date.parse(expiration)).toISOString();
  return { ok: true, notification };
}
